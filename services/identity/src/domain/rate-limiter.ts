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

  /**
   * Counts one hit per item against its subject (a subject named twice counts twice), in one statement however
   * many, and answers how many of each subject's hits fell within the limit: a bulk sender goes ahead with those
   * and skips the rest, rather than failing them all.
   */
  async hitEach(limit: RateLimit, subjects: readonly string[], now = new Date()): Promise<Map<string, number>> {
    if (subjects.length === 0) return new Map();
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const prefix = `${limit.name}:`;
    // In bucket order, so concurrent bulk hits on the same buckets never wait on each other in a cycle.
    const rows = (await this.dataSource.query(
      `INSERT INTO rate_limit_counters (bucket, window_start, hits)
       SELECT $3 || s, $2, count(*) FROM unnest($1::text[]) AS s GROUP BY s ORDER BY s
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + EXCLUDED.hits
       RETURNING bucket, hits`,
      [subjects, windowStart, prefix],
    )) as { bucket: string; hits: number }[];
    await this.purgeIfDue(now);
    const requested = new Map<string, number>();
    for (const s of subjects) requested.set(s, (requested.get(s) ?? 0) + 1);
    return new Map(
      rows.map((r) => {
        const subject = r.bucket.slice(prefix.length);
        const n = requested.get(subject) ?? 0;
        return [subject, Math.max(0, Math.min(n, limit.max - (r.hits - n)))];
      }),
    );
  }

  private async purgeIfDue(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < 60_000) return;
    this.lastPurge = now.getTime();
    await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE window_start < $1`, [new Date(now.getTime() - 24 * 3600_000)]);
  }
}
