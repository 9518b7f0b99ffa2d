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
  // Full collections pause every subscriber and sender (~20 ms at 1,000 subscribers). V8 learned from the first
  // subscriber executions to allocate their objects straight in the old generation, where they died a moment later:
  // without that, and letting the old generation reach twice the live heap rather than 1.5 times, full collections
  // at 200 messages/s came every 13 s instead of every 3 s, for ~50 MB more heap.
  { heapGrowingPercent: 100, allocationSitePretenuring: false },
);
