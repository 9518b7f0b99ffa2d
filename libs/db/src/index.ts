export { createDataSource, ensureDatabase, databaseUrlFor, type DataSourceOptions } from './data-source';
export { uuidv7 } from './uuidv7';
export { encodeCursor, decodeCursor, decodeIdCursor, decodeNameCursor, decodeSeqCursor, InvalidCursorError, pageFrom, pageSize, type Page } from './cursor';
export { isUuid } from './uuidv7';
export { rememberedResponse, IdempotentRequests1764748800000, IdempotentResponsesAsJson1764921600000 } from './idempotent-requests';
export { prepared } from './prepared-statements';
export { rowsOf } from './rows';
