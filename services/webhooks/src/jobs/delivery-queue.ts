import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@kz/server';
import { DeliveryNotVisibleError, type SendResult } from '../domain/deliveries.service';
import type { DeliveryScheduler, DueDelivery } from '../domain/delivery-scheduler';

export interface DeliveryQueueSettings {
  /** Keeps deployments (and test runs) sharing one Redis apart. */
  prefix: string;
  concurrency: number;
}

export interface DeliveryJobData {
  deliveryId: string;
}

export const DELIVERY_QUEUE = 'webhook-deliveries';

/**
 * Deliveries on BullMQ, one job per delivery under its id, so scheduling one twice queues it once. A job that is not
 * due yet (a retry, an endpoint with no free slot) waits in BullMQ's delayed set; which delivery may go (its lane's
 * head, its endpoint active) PostgreSQL decides when the job runs.
 */
export class DeliveryQueue implements DeliveryScheduler {
  private readonly queue: Queue<DeliveryJobData>;
  private worker: Worker<DeliveryJobData> | null = null;
  private workerConnection: Redis | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly settings: DeliveryQueueSettings,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue<DeliveryJobData>(DELIVERY_QUEUE, { connection: redis, prefix: settings.prefix });
    this.queue.on('error', (err) => this.logger.warn({ err }, 'delivery queue error'));
  }

  async schedule(deliveries: readonly DueDelivery[]): Promise<void> {
    const now = Date.now();
    const jobs = deliveries.map(({ id, at }) => ({
      name: 'deliver',
      data: { deliveryId: id },
      opts: {
        jobId: id,
        delay: at ? Math.max(0, new Date(at).getTime() - now) : 0,
        // The row not committed yet is the one failure worth retrying here; the schedule of HTTP retries is ours.
        attempts: 8,
        backoff: { type: 'exponential', delay: 100 },
        // Gone once done, so the same delivery can be queued again when it becomes its lane's head.
        removeOnComplete: true,
        // A failed job (the database down through every retry) must not block queuing it again at the next sweep.
        removeOnFail: true,
      },
    }));
    for (let i = 0; i < jobs.length; i += 1_000) await this.queue.addBulk(jobs.slice(i, i + 1_000));
  }

  /** Told how long each job took and how it ended, for the service's metrics. */
  onJobDone: (seconds: number, outcome: 'completed' | 'failed') => void = () => undefined;

  startWorker(send: (deliveryId: string) => Promise<SendResult>): void {
    this.worker = new Worker<DeliveryJobData>(
      DELIVERY_QUEUE,
      async (job: Job<DeliveryJobData>, token?: string) => {
        const started = performance.now();
        let result: SendResult;
        try {
          result = await send(job.data.deliveryId);
        } catch (err) {
          this.onJobDone((performance.now() - started) / 1000, 'failed');
          if (err instanceof DeliveryNotVisibleError && job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) return;
          throw err;
        }
        this.onJobDone((performance.now() - started) / 1000, 'completed');
        if ('retryAt' in result) {
          await job.moveToDelayed(result.retryAt.getTime(), token);
          throw new DelayedError();
        }
      },
      {
        connection: (this.workerConnection = this.redis.duplicate()),
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
        // Longer than the slowest attempt (the delivery timeout), so a busy worker's jobs are not taken over.
        lockDuration: 90_000,
        runRetryDelay: 2_000,
      },
    );
    this.worker.on('error', (err) => this.logger.warn({ err }, 'delivery worker error'));
    this.worker.on('failed', (job, err) => {
      if (job && !(err instanceof DeliveryNotVisibleError)) this.logger.warn({ err, deliveryId: job.data.deliveryId }, 'delivery job failed');
    });
  }

  async jobCounts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
  }

  async close(): Promise<void> {
    await this.worker?.close();
    this.workerConnection?.disconnect();
    await this.queue.close();
  }
}
