import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { EndpointSlots, HeldLanes } from '../domain/deliveries.service';

/**
 * Drops slots whose holder died before releasing them; when a slot is free, takes each lane no one else works and as
 * many slots as it can use (at most one per lane taken). Answers the slots taken, then the places (from 1) of the
 * lanes taken.
 */
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local free = tonumber(ARGV[3]) - redis.call('ZCARD', KEYS[1])
if free <= 0 then return {0} end
local taken = {0}
for i = 2, #KEYS do
  if redis.call('SET', KEYS[i], ARGV[4], 'NX', 'PX', ARGV[5]) then taken[#taken + 1] = i - 1 end
end
taken[1] = math.min(free, #taken - 1)
for s = 1, taken[1] do redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4] .. ':' .. s) end
if taken[1] > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
return taken`;

/** Gives back a holder's slots and the lanes it still holds. */
const RELEASE = `
for s = 1, tonumber(ARGV[2]) do redis.call('ZREM', KEYS[1], ARGV[1] .. ':' .. s) end
for i = 2, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then redis.call('DEL', KEYS[i]) end
end
return 1`;

/**
 * Per-endpoint slots and per-lane locks in Redis, shared by every worker process: a sorted set of slot holders scored
 * by when they lapse, and a key per lane being worked that lapses on its own, so a dead holder blocks nothing for
 * longer than `holdMs`.
 */
export class RedisEndpointSlots implements EndpointSlots {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: number,
    /** How long slots and lanes are held at most: longer than a job can take. */
    private readonly holdMs: number,
  ) {}

  async take(endpointId: string, lanes: readonly string[]): Promise<HeldLanes> {
    const slotsKey = `${this.prefix}:webhook-slots:${endpointId}`;
    const laneKeys = lanes.map((lane) => `${this.prefix}:webhook-lane:${endpointId}:${lane}`);
    const holder = randomUUID();
    const now = Date.now();
    const [slots, ...places] = (await this.redis.eval(
      TAKE,
      1 + laneKeys.length,
      slotsKey,
      ...laneKeys,
      String(now),
      String(now + this.holdMs),
      String(this.limit),
      holder,
      String(this.holdMs),
    )) as number[];
    const held = places.map((place) => lanes[place - 1]!);
    const heldKeys = places.map((place) => laneKeys[place - 1]!);
    return {
      slots: slots!,
      lanes: held,
      release: async () => {
        if (slots === 0 && held.length === 0) return;
        await this.redis.eval(RELEASE, 1 + heldKeys.length, slotsKey, ...heldKeys, holder, String(slots));
      },
    };
  }
}
