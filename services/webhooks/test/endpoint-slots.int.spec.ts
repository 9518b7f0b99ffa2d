import { testNamespace } from '@kz/testing';
import { Redis } from 'ioredis';
import { RedisEndpointSlots } from '../src/jobs/endpoint-slots';

const prefix = `kz:${testNamespace()}`;
let redis: Redis;

beforeAll(() => {
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('endpoint slots and lane locks in Redis', () => {
  it('lets one holder at a time into a lane, and at most the limit of slots over all holders of an endpoint', async () => {
    const slots = new RedisEndpointSlots(redis, prefix, 3, 60_000);
    const first = await slots.take('endpoint-a', ['lane-1', 'lane-2']);
    expect(first).toMatchObject({ slots: 2, lanes: ['lane-1', 'lane-2'] });

    // lane-2 is held: the second holder gets lane-3 and the one slot left.
    const second = await slots.take('endpoint-a', ['lane-2', 'lane-3', 'lane-4']);
    expect(second).toMatchObject({ slots: 1, lanes: ['lane-3', 'lane-4'] });
    // No slot left: nothing is taken, not even a free lane.
    const third = await slots.take('endpoint-a', ['lane-5']);
    expect(third).toMatchObject({ slots: 0, lanes: [] });
    // Another endpoint's slots and lanes are its own.
    expect(await slots.take('endpoint-b', ['lane-1'])).toMatchObject({ slots: 1, lanes: ['lane-1'] });

    await first.release();
    expect(await slots.take('endpoint-a', ['lane-1', 'lane-2', 'lane-3'])).toMatchObject({ slots: 2, lanes: ['lane-1', 'lane-2'] });
    await second.release();
    await third.release();
  });

  it('frees the slots and lanes of a holder that died, once their hold lapses', async () => {
    const slots = new RedisEndpointSlots(redis, prefix, 1, 200);
    expect(await slots.take('endpoint-c', ['lane-1'])).toMatchObject({ slots: 1, lanes: ['lane-1'] });
    expect(await slots.take('endpoint-c', ['lane-1'])).toMatchObject({ slots: 0, lanes: [] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await slots.take('endpoint-c', ['lane-1'])).toMatchObject({ slots: 1, lanes: ['lane-1'] });
  });
});
