import { DomainError } from '@kz/errors';
import type { DataSource } from 'typeorm';

export interface RateLimit {
  /** What is limited, e.g. "code-request:phone". */
  name: string;
  max: number;
  windowSeconds: number;
  /** The message a person reads when over the limit. */
  message: string;
}

/**
 * Fixed-window counters in PostgreSQL: every identity instance shares them, and
 * one upsert per check keeps them cheap.
 */
export class RateLimiter {
  private lastPurge = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit against `subject`; throws RATE_LIMITED when past the limit. */
  async hit(limit: RateLimit, subject: string, now = new Date()): Promise<void> {
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const rows = (await this.dataSource.query(
      `INSERT INTO rate_limit_counters (bucket, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
       RETURNING hits`,
      [`${limit.name}:${subject}`, windowStart],
    )) as { hits: number }[];
    await this.purgeIfDue(now);
    if ((rows[0]?.hits ?? 0) > limit.max) {
      const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
      throw new DomainError('RATE_LIMITED', `${limit.message} Try again in ${retryAfter} seconds.`);
    }
  }

  private async purgeIfDue(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < 60_000) return;
    this.lastPurge = now.getTime();
    await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE window_start < $1`, [new Date(now.getTime() - 24 * 3600_000)]);
  }
}
