import { DelayedError, Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@kz/server';
import { DeliveryNotVisibleError, type LaneWork } from '../domain/deliveries.service';
import type { DeliveryScheduler, DueDelivery } from '../domain/delivery-scheduler';

export interface DeliveryQueueSettings {
  /** Keeps deployments (and test runs) sharing one Redis apart. */
  prefix: string;
  concurrency: number;
}

/** Lanes of one endpoint to work, with the deliveries that were their heads; `deliveryId` alone is a job of an earlier version. */
export type DeliveryJobData = { deliveryIds: string[]; endpointId?: string; lanes?: string[] } | { deliveryId: string };

export const DELIVERY_QUEUE = 'webhook-deliveries';

/** The most lanes one job works. */
const LANES_PER_JOB = 100;

interface QueuedJob {
  name: string;
  data: DeliveryJobData;
  opts: JobsOptions & { jobId: string; delay: number };
}

/**
 * The jobs for some due deliveries: those of one endpoint due at one time in one job (its lanes worked side by side),
 * waiting in BullMQ's delayed set until then. A job of one delivery goes under the delivery's id, one of several lanes
 * under its first's, so queuing the same again queues it once; which delivery may go (its lane's head, its endpoint
 * active, no other worker in its lane) is decided when the job runs.
 */
export function jobsFor(deliveries: readonly DueDelivery[], now = Date.now()): QueuedJob[] {
  const jobs: QueuedJob[] = [];
  // By endpoint and time due: the lanes of a job that waits (its endpoint's slots all taken) wait together.
  const grouped = new Map<string, { delay: number; lanes: Map<string, DueDelivery> }>();
  for (const delivery of deliveries) {
    const delay = delivery.at ? Math.max(0, new Date(delivery.at).getTime() - now) : 0;
    if (!delivery.endpointId || !delivery.lane) {
      jobs.push(jobOf([delivery], delay));
      continue;
    }
    const key = `${delivery.endpointId}@${delay}`;
    const group = grouped.get(key) ?? { delay, lanes: new Map<string, DueDelivery>() };
    grouped.set(key, group);
    // A lane once per job: its worker sends from its head, whichever delivery named it.
    if (!group.lanes.has(delivery.lane)) group.lanes.set(delivery.lane, delivery);
  }
  for (const { delay, lanes } of grouped.values()) {
    const heads = [...lanes.values()];
    for (let i = 0; i < heads.length; i += LANES_PER_JOB) jobs.push(jobOf(heads.slice(i, i + LANES_PER_JOB), delay));
  }
  return jobs;
}

function jobOf(heads: readonly DueDelivery[], delay: number): QueuedJob {
  const [first] = heads;
  const known = heads.every((h) => h.endpointId && h.lane);
  return {
    name: 'deliver',
    data: {
      deliveryIds: heads.map((h) => h.id),
      ...(known ? { endpointId: first!.endpointId!, lanes: heads.map((h) => h.lane!) } : {}),
    },
    opts: {
      jobId: heads.length === 1 ? first!.id : `lanes-${first!.id}`,
      delay,
      // The rows not committed yet is the one failure worth retrying here; the schedule of HTTP retries is ours.
      attempts: 8,
      backoff: { type: 'exponential', delay: 100 },
      // Gone once done, so the same delivery can be queued again when it becomes its lane's head.
      removeOnComplete: true,
      // A failed job (the database down through every retry) must not block queuing it again at the next sweep.
      removeOnFail: true,
    },
  };
}

/** What a job's data asks to work: an earlier version's job names one delivery, whose endpoint and lane are looked up. */
export function laneWorkOf(data: DeliveryJobData): LaneWork {
  return 'deliveryId' in data ? { deliveryIds: [data.deliveryId] } : data;
}

/** Deliveries on BullMQ; PostgreSQL is the record of what is pending, the queue says when to look. */
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
    await this.add(jobsFor(deliveries));
  }

  private async add(jobs: readonly QueuedJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 1_000) await this.queue.addBulk(jobs.slice(i, i + 1_000));
  }

  /** Told how long each job took and how it ended, for the service's metrics. */
  onJobDone: (seconds: number, outcome: 'completed' | 'failed') => void = () => undefined;

  /** `send` works a job's lanes and answers the lane heads to queue again (a retry, a lane busy elsewhere, the rest of a busy lane). */
  startWorker(send: (work: LaneWork) => Promise<DueDelivery[]>): void {
    this.worker = new Worker<DeliveryJobData>(
      DELIVERY_QUEUE,
      async (job: Job<DeliveryJobData>, token?: string) => {
        const started = performance.now();
        let later: DueDelivery[];
        try {
          later = await send(laneWorkOf(job.data));
        } catch (err) {
          this.onJobDone((performance.now() - started) / 1000, 'failed');
          if (err instanceof DeliveryNotVisibleError && job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) return;
          throw err;
        }
        this.onJobDone((performance.now() - started) / 1000, 'completed');
        const jobs = jobsFor(later);
        // Queuing this job's own id again while it runs would do nothing: it waits instead, then runs again as it is.
        const again = jobs.filter((j) => j.opts.jobId === job.id);
        await this.add(jobs.filter((j) => j.opts.jobId !== job.id));
        if (again.length > 0) {
          await job.moveToDelayed(Date.now() + Math.min(...again.map((j) => j.opts.delay)), token);
          throw new DelayedError();
        }
      },
      {
        connection: (this.workerConnection = this.redis.duplicate()),
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
        // Longer than the slowest job (its budget and one attempt past it), so a busy worker's jobs are not taken over.
        lockDuration: 90_000,
        runRetryDelay: 2_000,
      },
    );
    this.worker.on('error', (err) => this.logger.warn({ err }, 'delivery worker error'));
    this.worker.on('failed', (job, err) => {
      if (job && !(err instanceof DeliveryNotVisibleError)) this.logger.warn({ err, jobId: job.id }, 'delivery job failed');
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
