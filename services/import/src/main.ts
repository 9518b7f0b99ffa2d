import './tracing';
import { createLogger, runProcess } from '@kz/server';
import { createImportApp } from './app';
import { loadImportConfig } from './config';

const logger = createLogger('import');
runProcess(
  'import',
  async () => {
    const app = await createImportApp(loadImportConfig(), logger);
    await app.start();
    return app;
  },
  logger,
);
