import { createLogger, runProcess } from '@kz/server';
import { createGatewayApp } from './app';
import { loadGatewayConfig } from './config';

const logger = createLogger('gateway');
runProcess(
  'gateway',
  async () => {
    const app = createGatewayApp(loadGatewayConfig(), logger);
    await app.start();
    return app;
  },
  logger,
);
