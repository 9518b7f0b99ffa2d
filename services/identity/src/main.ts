import './tracing';
import { createLogger, runProcess } from '@kz/server';
import { createIdentityApp } from './app';
import { loadIdentityConfig } from './config';

const logger = createLogger('identity');
runProcess(
  'identity',
  async () => {
    const app = await createIdentityApp(loadIdentityConfig(), logger);
    await app.start();
    return app;
  },
  logger,
);
