import { rowsOf } from '@kz/db';
import type { Logger } from '@kz/server';
import type { DataSource } from 'typeorm';
import { LANE_HEADS_SQL, type DeliveryScheduler, type DueDelivery } from '../domain/delivery-scheduler';

/**
 * Queues the head of every lane again, now and then. PostgreSQL is the record of what is pending; the queue can lose
 * jobs (Redis restarted without persistence, a process died between its commit and its enqueue, a head's job that
 * ran just before its predecessor finished). Queuing a delivery that is queued already does nothing.
 */
export class DueDeliverySweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: DeliveryScheduler,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.intervalMs);
    this.timer.unref();
  }

  sweepOnce(): Promise<void> {
    this.running ??= (async () => {
      try {
        const heads = await rowsOf<DueDelivery>(this.dataSource.manager, LANE_HEADS_SQL, [null]);
        await this.scheduler.schedule(heads);
      } catch (err) {
        this.logger.warn({ err }, 'could not queue due deliveries again; trying at the next sweep');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
