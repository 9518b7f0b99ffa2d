import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@kz/server';
import { inSpanOf, type TracedJob } from '@kz/telemetry';

/**
 * A BullMQ worker as the import service's queues run them: `run` does a job;
 * a permanent failure (isPermanent) is not retried; `stopped` is told when a
 * job fails for the last time, with a reason for a person; `done` hears how
 * long each job took. A worker that dies loses its lock after `lockMs` and
 * another takes the job over.
 */
export function startQueueWorker<T>(opts: {
  queue: string;
  redis: Redis;
  prefix: string;
  concurrency: number;
  lockMs: number;
  maxStalledCount: number;
  logger: Logger;
  run: (data: T) => Promise<void>;
  isPermanent: (err: Error) => boolean;
  stopped: (job: Job<T>, err: Error) => Promise<void>;
  done: (seconds: number, outcome: 'completed' | 'failed') => void;
}): { worker: Worker<T>; connection: Redis } {
  const connection = opts.redis.duplicate();
  const worker = new Worker<T>(
    opts.queue,
    async (job: Job<T>) => {
      const started = performance.now();
      try {
        const { traceParent } = job.data as TracedJob;
        const attributes = {
          'messaging.system': 'bullmq',
          'messaging.destination.name': opts.queue,
          'messaging.message.id': job.id ?? '',
          'bullmq.attempt': job.attemptsMade + 1,
        };
        await inSpanOf(traceParent, `job ${opts.queue}`, attributes, () => opts.run(job.data));
        opts.done((performance.now() - started) / 1000, 'completed');
      } catch (err) {
        opts.done((performance.now() - started) / 1000, 'failed');
        if (opts.isPermanent(err as Error)) throw new UnrecoverableError((err as Error).message);
        throw err;
      }
    },
    {
      connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency,
      lockDuration: opts.lockMs,
      stalledInterval: Math.max(1_000, Math.floor(opts.lockMs / 2)),
      maxStalledCount: opts.maxStalledCount,
      // After a lost Redis connection the worker waits this long before fetching again (BullMQ's default, 15 s, idles a restarted worker for that long).
      runRetryDelay: 2_000,
    },
  );
  worker.on('error', (err) => opts.logger.warn({ err, queue: opts.queue }, 'queue worker error'));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    opts.logger.warn({ err, queue: opts.queue, job: job.id, attempt: job.attemptsMade, final }, 'queued job failed');
    if (final) opts.stopped(job, err).catch((e: Error) => opts.logger.error({ err: e, queue: opts.queue }, 'could not record the job as failed'));
  });
  return { worker, connection };
}
