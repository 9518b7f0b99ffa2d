import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EndpointSlots } from '../domain/deliveries.service';

/** Drops slots whose holder died before releasing them, then takes one if fewer than the limit are held. */
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/** Per-endpoint slots in Redis, shared by every worker process: a sorted set of holders, scored by when they lapse. */
export class RedisEndpointSlots implements EndpointSlots {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: number,
    /** How long a slot is held at most: longer than an attempt can take. */
    private readonly holdMs: number,
  ) {}

  async take(endpointId: string): Promise<(() => Promise<void>) | null> {
    const key = `${this.prefix}:webhook-slots:${endpointId}`;
    const holder = randomUUID();
    const now = Date.now();
    const taken = await this.redis.eval(TAKE, 1, key, String(now), String(now + this.holdMs), String(this.limit), holder, String(this.holdMs));
    if (taken !== 1) return null;
    return async () => {
      await this.redis.zrem(key, holder);
    };
  }
}
