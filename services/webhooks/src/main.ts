import './tracing';
import { createLogger, runProcess } from '@kz/server';
import { createWebhooksApp } from './app';
import { loadWebhooksConfig } from './config';

const logger = createLogger('webhooks');
runProcess(
  'webhooks',
  async () => {
    const app = await createWebhooksApp(loadWebhooksConfig(), logger);
    await app.start();
    return app;
  },
  logger,
);
