import { Queue, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@kz/server';
import { jobTrace, type TracedJob } from '@kz/telemetry';
import type { ChunkQueue } from '../domain/members/chunk-queue';
import type { ChunkJobData } from '../domain/members/member-csv-import.job';
import { startQueueWorker } from './queue-worker';

export interface QueueSettings {
  /** Keeps deployments (and test runs) sharing one Redis apart. */
  prefix: string;
  concurrency: number;
  attempts: number;
  /** How long a worker holds a chunk before others presume it dead and take it over. */
  lockMs: number;
}

const QUEUE = 'member-csv-import';

/** The chunk's job id: BullMQ refuses a second job with the same id, so a chunk is never queued twice. */
export const chunkJobId = (importId: string, chunk: number) => `${importId}-${chunk}`;

/** Chunks of member imports on BullMQ: queued by the upload, run by workers in any of the service's processes. */
export class MemberImportQueue implements ChunkQueue {
  private readonly queue: Queue<ChunkJobData & TracedJob>;
  private worker: Worker<ChunkJobData> | null = null;
  private workerConnection: Redis | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly settings: QueueSettings,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue<ChunkJobData & TracedJob>(QUEUE, { connection: redis, prefix: settings.prefix });
    this.queue.on('error', (err) => this.logger.warn({ err }, 'import queue error'));
  }

  async enqueueChunks(importId: string, chunkCount: number): Promise<void> {
    await this.add(
      importId,
      Array.from({ length: chunkCount }, (_, i) => i + 1),
    );
  }

  /**
   * Queues again those of `chunks` that the queue no longer holds in any
   * state (Redis lost them: a restart without persistence, a failover, a
   * flush); chunks it still holds are left alone. Answers the chunks queued.
   */
  async requeueLostChunks(importId: string, chunks: readonly number[]): Promise<number[]> {
    const lost: number[] = [];
    for (const chunk of chunks) {
      if ((await this.queue.getJobState(chunkJobId(importId, chunk))) === 'unknown') lost.push(chunk);
    }
    if (lost.length > 0) await this.add(importId, lost);
    return lost;
  }

  private async add(importId: string, chunks: readonly number[]): Promise<void> {
    const trace = jobTrace();
    const jobs = chunks.map((chunk) => ({
      name: 'chunk',
      data: { importId, chunk, ...trace },
      opts: {
        jobId: chunkJobId(importId, chunk),
        attempts: this.settings.attempts,
        backoff: { type: 'exponential', delay: 1_000 },
        // Finished jobs are kept a day so their ids keep refusing duplicates.
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    }));
    for (let i = 0; i < jobs.length; i += 1_000) await this.queue.addBulk(jobs.slice(i, i + 1_000));
  }

  /** Jobs in the queue by state (waiting, active, delayed, failed...), for the service's metrics. */
  async jobCounts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
  }

  /** Told how long each chunk took and how it ended, once it has run. */
  onJobDone: (seconds: number, outcome: 'completed' | 'failed') => void = () => undefined;

  /**
   * Starts processing. `run` does a chunk; `stopped` fails the import when a
   * chunk cannot be done (a permanent refusal, or the last attempt failed).
   */
  startWorker(
    run: (data: ChunkJobData) => Promise<void>,
    stopped: (data: ChunkJobData, reason: string) => Promise<void>,
    isPermanent: (err: Error) => boolean,
  ): void {
    ({ worker: this.worker, connection: this.workerConnection } = startQueueWorker<ChunkJobData>({
      queue: QUEUE,
      redis: this.redis,
      prefix: this.settings.prefix,
      concurrency: this.settings.concurrency,
      lockMs: this.settings.lockMs,
      maxStalledCount: 5,
      logger: this.logger,
      run,
      isPermanent,
      stopped: (job, err) => stopped(job.data, `Part ${job.data.chunk} of the file could not be applied: ${err.message}`),
      done: (seconds, outcome) => this.onJobDone(seconds, outcome),
    }));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.workerConnection?.disconnect();
    await this.queue.close();
  }
}
