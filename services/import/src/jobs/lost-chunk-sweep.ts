import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { Logger } from '@kz/server';
import type { MemberImportQueue } from './member-import-queue';

export interface LostChunkSweepSettings {
  /** How often running imports are checked. */
  intervalMs: number;
  /** Imports that started processing more recently are left to the upload, which is still queueing their chunks. */
  graceMs: number;
}

/**
 * Queues again the unfinished chunks of running imports that the job queue
 * has lost. PostgreSQL is the record of an import (import_jobs says RUNNING
 * and how many chunks, import_chunks which are done); Redis only holds the
 * queue, and a Redis that restarts without persistence (or fails over, or is
 * flushed) comes back empty: without this the import would stay RUNNING
 * forever. A chunk is queued again under its deterministic job id
 * (`${importId}-${chunk}`) only when the queue holds no job of that id in any
 * state, and a chunk that runs twice is recorded once (import_chunks), so
 * sweeping from every worker process at once is harmless. Runs every
 * `intervalMs`, and shortly after the Redis connection comes back (then
 * once more after `graceMs`, for imports that were too young at first).
 */
export class LostChunkSweep {
  private timer: NodeJS.Timeout | null = null;
  private readonly soon = new Set<NodeJS.Timeout>();
  private running: Promise<Map<string, number[]>> | null = null;
  private stopped = false;
  private readonly onRedisReady = () => {
    if (this.stopped) return;
    // Once the workers have reconnected, and again when imports that were too young for the first sweep are old enough.
    for (const delay of [1_000, this.settings.graceMs + 1_000]) {
      const timer = setTimeout(() => {
        this.soon.delete(timer);
        void this.sweepOnce();
      }, delay);
      timer.unref();
      this.soon.add(timer);
    }
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MemberImportQueue,
    private readonly redis: Redis,
    private readonly settings: LostChunkSweepSettings,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.sweepOnce(), this.settings.intervalMs);
    this.timer.unref();
    this.redis.on('ready', this.onRedisReady);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const timer of this.soon) clearTimeout(timer);
    this.soon.clear();
    this.timer = null;
    this.redis.off('ready', this.onRedisReady);
    await this.running?.catch(() => undefined);
  }

  /** One sweep (never two at once in a process): the chunks queued again, by import. Errors are logged, not thrown. */
  sweepOnce(): Promise<Map<string, number[]>> {
    this.running ??= this.sweep()
      .catch((err: Error) => {
        this.logger.warn({ err }, 'could not check running imports for lost chunk jobs; trying again at the next sweep');
        return new Map<string, number[]>();
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async sweep(): Promise<Map<string, number[]>> {
    const requeued = new Map<string, number[]>();
    if (this.redis.status !== 'ready') return requeued;
    const unfinished = (await this.dataSource.query(
      `SELECT j.id, array_agg(c.chunk ORDER BY c.chunk) AS chunks
       FROM import_jobs j CROSS JOIN LATERAL generate_series(1, j.chunk_count) AS c(chunk)
       WHERE j.status = 'RUNNING' AND j.processing_started_at < now() - make_interval(secs => $1)
         AND NOT EXISTS (SELECT 1 FROM import_chunks d WHERE d.import_id = j.id AND d.chunk = c.chunk)
       GROUP BY j.id`,
      [this.settings.graceMs / 1000],
    )) as { id: string; chunks: number[] }[];
    for (const { id, chunks } of unfinished) {
      const lost = await this.queue.requeueLostChunks(id, chunks);
      if (lost.length === 0) continue;
      requeued.set(id, lost);
      this.logger.warn(
        { importId: id, chunks: lost.length, first: lost[0], unfinished: chunks.length },
        'queued again chunks of a running import that the job queue had lost (Redis restarted or was flushed)',
      );
    }
    return requeued;
  }
}
