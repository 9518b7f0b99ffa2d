import './tracing';
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
  // without that, full collections at 200 messages/s came every 6 s instead of every 3 s. The old generation may
  // also reach 1.75 times the live heap rather than 1.5 times; twice made them rarer still, but V8 keeps the pages
  // of its largest heap, and the gateway's RSS then came within 5 MiB of the 300 MB limit in a 1,000,000-row import.
  { heapGrowingPercent: 75, allocationSitePretenuring: false },
);
