export { createImportApp, type ImportApp } from './app';
export { loadImportConfig, type ImportConfig } from './config';
export { ImportJobsService } from './domain/import-jobs.service';
