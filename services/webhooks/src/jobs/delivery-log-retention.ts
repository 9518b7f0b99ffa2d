import { rowsOf } from '@kz/db';
import type { Logger } from '@kz/server';
import type { DataSource } from 'typeorm';

/** Rows removed per statement: small enough that a sweep never holds locks long beside live deliveries. */
const BATCH = 1_000;

/**
 * Forgets finished deliveries (with their attempts) and stored events once they are older than the retention: the log
 * and replay reach back that far, no further. Pending deliveries are kept whatever their age, and so are the events
 * they carry. Runs in small batches, now and then, from every worker process (a batch another process took is
 * simply not found).
 */
export class DeliveryLogRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly retentionDays: number,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** Removes what has expired, batch by batch; answers the number of deliveries and events removed. */
  sweepOnce(): Promise<number> {
    this.running ??= this.sweep()
      .catch((err: Error) => {
        this.logger.warn({ err }, 'could not remove expired webhook deliveries; trying at the next sweep');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async sweep(): Promise<number> {
    const manager = this.dataSource.manager;
    const cutoff = `now() - make_interval(days => ${Number(this.retentionDays)})`;
    let removed = 0;
    for (;;) {
      const deliveries = await rowsOf(
        manager,
        `DELETE FROM webhook_deliveries WHERE id IN (
           SELECT id FROM webhook_deliveries WHERE status <> 'PENDING' AND created_at < ${cutoff} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
         ) RETURNING 1`,
      );
      removed += deliveries.length;
      if (deliveries.length < BATCH) break;
    }
    for (;;) {
      const events = await rowsOf(
        manager,
        `DELETE FROM webhook_events WHERE seq IN (
           SELECT ev.seq FROM webhook_events ev WHERE ev.recorded_at < ${cutoff}
             AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ev.id)
           ORDER BY ev.seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
         ) RETURNING 1`,
      );
      removed += events.length;
      if (events.length < BATCH) break;
    }
    if (removed > 0) this.logger.info({ removed, retentionDays: this.retentionDays }, 'removed expired webhook deliveries and events');
    return removed;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
