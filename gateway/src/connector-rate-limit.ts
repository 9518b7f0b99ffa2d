import type { Caller } from '@kz/auth';
import { rateLimited } from '@kz/errors';

/**
 * How many requests each connector may make per window, counted in this gateway process. People are not limited
 * here (their clients are ours); a partner's integration is, so that one loop gone wrong cannot crowd out an
 * organisation's people. Behind several gateway replicas a connector's budget is this many per replica.
 */
export class ConnectorRateLimit {
  private windowStart = 0;
  private readonly used = new Map<string, number>();

  constructor(
    private readonly limit: { maxRequests: number; windowSeconds: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request by `caller`; throws RATE_LIMITED, with the seconds until the next window, past the limit. */
  hit(caller: Caller): void {
    if (caller.kind !== 'connector') return;
    const windowMs = this.limit.windowSeconds * 1000;
    const now = this.now();
    const start = Math.floor(now / windowMs) * windowMs;
    if (start !== this.windowStart) {
      // A new window: last window's counts are of no use, and dropping them keeps the map as small as the traffic.
      this.windowStart = start;
      this.used.clear();
    }
    const used = (this.used.get(caller.connectorId) ?? 0) + 1;
    this.used.set(caller.connectorId, used);
    if (used > this.limit.maxRequests) {
      const retryAfter = Math.max(1, Math.ceil((start + windowMs - now) / 1000));
      throw rateLimited(
        `This connector has made its ${this.limit.maxRequests} requests allowed per ${this.limit.windowSeconds} s; try again in ${retryAfter} s.`,
        retryAfter,
      );
    }
  }
}
