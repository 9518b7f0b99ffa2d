import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@kz/server';
import type { ExportQueue } from '../domain/exports/exports.service';
import type { ExportJobData } from '../domain/exports/organization-export.job';
import type { QueueSettings } from './member-import-queue';

const QUEUE = 'organization-export';

/**
 * Exports on BullMQ, one job each (its id the export's, so it is never
 * queued twice). A worker that dies loses its lock; another takes the job
 * over and goes on from the export's last checkpoint.
 */
export class OrganizationExportQueue implements ExportQueue {
  private readonly queue: Queue<ExportJobData>;
  private worker: Worker<ExportJobData> | null = null;
  private workerConnection: Redis | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly settings: Omit<QueueSettings, 'concurrency'>,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue<ExportJobData>(QUEUE, { connection: redis, prefix: settings.prefix });
    this.queue.on('error', (err) => this.logger.warn({ err }, 'export queue error'));
  }

  async enqueue(exportId: string): Promise<void> {
    await this.queue.add(
      'export',
      { exportId },
      {
        jobId: exportId,
        attempts: this.settings.attempts,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  }

  /** Queues again the exports still going whose job the queue no longer holds (Redis lost it). */
  async requeueLost(exportIds: readonly string[]): Promise<string[]> {
    const lost: string[] = [];
    for (const id of exportIds) if ((await this.queue.getJobState(id)) === 'unknown') lost.push(id);
    for (const id of lost) await this.enqueue(id);
    return lost;
  }

  async jobCounts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
  }

  onJobDone: (seconds: number, outcome: 'completed' | 'failed') => void = () => undefined;

  /** Starts running exports, one at a time per process; `stopped` fails an export that cannot be done. */
  startWorker(
    run: (data: ExportJobData) => Promise<void>,
    stopped: (data: ExportJobData, reason: string) => Promise<void>,
    isPermanent: (err: Error) => boolean,
  ): void {
    this.worker = new Worker<ExportJobData>(
      QUEUE,
      async (job: Job<ExportJobData>) => {
        const started = performance.now();
        try {
          await run(job.data);
          this.onJobDone((performance.now() - started) / 1000, 'completed');
        } catch (err) {
          this.onJobDone((performance.now() - started) / 1000, 'failed');
          if (isPermanent(err as Error)) throw new UnrecoverableError((err as Error).message);
          throw err;
        }
      },
      {
        connection: (this.workerConnection = this.redis.duplicate()),
        prefix: this.settings.prefix,
        concurrency: 1,
        lockDuration: this.settings.lockMs,
        stalledInterval: Math.max(1_000, Math.floor(this.settings.lockMs / 2)),
        maxStalledCount: 10,
        runRetryDelay: 2_000,
      },
    );
    this.worker.on('error', (err) => this.logger.warn({ err }, 'export worker error'));
    this.worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger.warn({ err, exportId: job.data.exportId, attempt: job.attemptsMade, final }, 'export failed');
      if (final) {
        stopped(job.data, `The export could not be finished: ${err.message}`).catch((e: Error) =>
          this.logger.error({ err: e }, 'could not mark the export failed'),
        );
      }
    });
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.workerConnection?.disconnect();
    await this.queue.close();
  }
}
