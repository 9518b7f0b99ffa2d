import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@kz/server';
import { jobTrace, type TracedJob } from '@kz/telemetry';
import type { ExportQueue } from '../domain/exports/exports.service';
import type { ExportJobData } from '../domain/exports/organization-export.job';
import type { QueueSettings } from './member-import-queue';
import { startQueueWorker } from './queue-worker';

const QUEUE = 'organization-export';

/**
 * Exports on BullMQ, one job each (its id the export's, so it is never
 * queued twice). A worker that dies loses its lock; another takes the job
 * over and goes on from the export's last checkpoint.
 */
export class OrganizationExportQueue implements ExportQueue {
  private readonly queue: Queue<ExportJobData & TracedJob>;
  private worker: Worker<ExportJobData> | null = null;
  private workerConnection: Redis | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly settings: Omit<QueueSettings, 'concurrency'>,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue<ExportJobData & TracedJob>(QUEUE, { connection: redis, prefix: settings.prefix });
    this.queue.on('error', (err) => this.logger.warn({ err }, 'export queue error'));
  }

  async enqueue(exportId: string): Promise<void> {
    await this.queue.add(
      'export',
      { exportId, ...jobTrace() },
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
    ({ worker: this.worker, connection: this.workerConnection } = startQueueWorker<ExportJobData>({
      queue: QUEUE,
      redis: this.redis,
      prefix: this.settings.prefix,
      concurrency: 1,
      lockMs: this.settings.lockMs,
      maxStalledCount: 10,
      logger: this.logger,
      run,
      isPermanent,
      stopped: (job, err) => stopped(job.data, `The export could not be finished: ${err.message}`),
      done: (seconds, outcome) => this.onJobDone(seconds, outcome),
    }));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.workerConnection?.disconnect();
    await this.queue.close();
  }
}
