import { Redis } from 'ioredis';
import type { Logger } from './logger';

/**
 * The service's Redis connection (BullMQ queues and workers will share it).
 * It connects at once and keeps reconnecting in the background: Redis being
 * down makes the service not ready, it does not stop it.
 */
export function openRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    // BullMQ workers need commands to wait for a reconnect rather than fail.
    maxRetriesPerRequest: null,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  let failing = false;
  redis.on('error', (err: Error) => {
    if (!failing) logger.warn({ err }, 'Redis unavailable; reconnecting in the background');
    failing = true;
  });
  redis.on('ready', () => {
    if (failing) logger.info('Redis connection restored');
    failing = false;
  });
  return redis;
}

/** PING with a deadline; a connection that is not up answers false at once instead of queueing. */
export async function redisReachable(redis: Redis, timeoutMs = 1_000): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis PING timed out')), timeoutMs);
    });
    return (await Promise.race([redis.ping(), deadline])) === 'PONG';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Quits cleanly when connected; otherwise stops reconnecting at once. */
export async function closeRedis(redis: Redis, timeoutMs = 2_000): Promise<void> {
  if (redis.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      redis.quit().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
  redis.disconnect();
}
