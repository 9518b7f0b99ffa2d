import { setFlagsFromString } from 'node:v8';
import { createLogger, runProcess } from '@kz/server';
import { createGatewayApp } from './app';
import { loadGatewayConfig } from './config';

// V8 learns from the first subscriber executions that their objects outlive a young-generation collection and then
// allocates them straight in the old generation, where they die a moment later: at 200 messages/s to 1,000
// subscribers that doubled the full collections (one every 3 s instead of 6, each pausing delivery for ~20 ms).
// Set before the gateway allocates anything; NODE_OPTIONS does not accept this flag.
setFlagsFromString('--no-allocation-site-pretenuring');

const logger = createLogger('gateway');
runProcess(
  'gateway',
  async () => {
    const app = createGatewayApp(loadGatewayConfig(), logger);
    await app.start();
    return app;
  },
  logger,
  // Full collections pause every subscriber and sender (~20 ms at 1,000 subscribers): letting the old generation reach
  // twice the live heap, not 1.5 times, spaced them from every 6 s to every 13 s at 200 messages/s, for ~50 MB more heap.
  { heapGrowingPercent: 100 },
);
