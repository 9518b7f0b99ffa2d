export { createDataSource, ensureDatabase, databaseUrlFor, type DataSourceOptions } from './data-source';
export { uuidv7 } from './uuidv7';
export { encodeCursor, decodeCursor, InvalidCursorError } from './cursor';
export { isUuid } from './uuidv7';
