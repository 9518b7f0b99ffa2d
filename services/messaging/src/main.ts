import './tracing';
import { createLogger, runProcess } from '@kz/server';
import { createMessagingApp } from './app';
import { loadMessagingConfig } from './config';

const logger = createLogger('messaging');
runProcess(
  'messaging',
  async () => {
    const app = await createMessagingApp(loadMessagingConfig(), logger);
    await app.start();
    return app;
  },
  logger,
);
