import { setFlagsFromString } from 'node:v8';
import { stopTracing } from '@kz/telemetry';
import type { Logger } from 'pino';

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * How far V8 lets the old generation grow past the live heap before its next
 * major collection. V8's own factor goes up to 4×, which in a 1,000,000-row
 * import took identity to 418 MiB RSS around a live heap of some 50 MiB; at
 * 1.5× the peaks stayed under 220 MiB (README, "Memory"). A process may ask
 * for more (runProcess's options); an explicit --heap-growing-percent on the
 * command line wins.
 */
const HEAP_GROWING_PERCENT = 50;

export interface RunProcessOptions {
  /** Old generation growth past the live heap before a major collection, in percent (default 50). */
  heapGrowingPercent?: number;
  /** false: V8 never allocates objects straight in the old generation on the strength of what earlier ones did. */
  allocationSitePretenuring?: boolean;
  shutdownTimeoutMs?: number;
}

/**
 * Runs a service's main: a configuration error exits with its message; SIGTERM
 * or SIGINT stops it gracefully, and a second signal or a stuck shutdown forces
 * the exit.
 */
export function runProcess(name: string, start: () => Promise<Stoppable>, logger?: Logger, opts: RunProcessOptions = {}): void {
  const { heapGrowingPercent = HEAP_GROWING_PERCENT, allocationSitePretenuring = true, shutdownTimeoutMs = 20_000 } = opts;
  if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
  // NODE_OPTIONS does not accept this flag; set before the process allocates its working state.
  if (!allocationSitePretenuring) setFlagsFromString('--no-allocation-site-pretenuring');
  let running: Stoppable | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger?.info({ signal }, `${name} shutting down`);
    const timer = setTimeout(() => {
      logger?.error(`${name} did not stop within ${shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, shutdownTimeoutMs);
    timer.unref();
    try {
      await running?.stop();
      // The spans of the drain itself, and any still buffered, go before the exit.
      await stopTracing().catch((err: unknown) => logger?.warn({ err }, 'could not send the last spans'));
      process.exit(0);
    } catch (err) {
      logger?.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  start().then(
    (s) => {
      running = s;
    },
    (err: Error) => {
      if (err.name === 'ConfigError') process.stderr.write(`${name}: ${err.message}\n`);
      else if (logger) logger.fatal({ err }, `${name} failed to start`);
      else process.stderr.write(`${name} failed to start: ${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
