import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createImportApp, loadImportConfig, type ImportApp } from '@kz/import-service';
import { deleteTestTopics, dropTestDatabases, silentLogger, testDatabaseUrl, testNamespace, TestTokenIssuer } from '@kz/testing';

// No workers in this process: the queued jobs stay where the sweep put them.
const ns = testNamespace();
const issuer = new TestTokenIssuer();
let app: ImportApp;
let redis: Redis;
let queue: Queue;

beforeAll(async () => {
  await issuer.start();
  app = await createImportApp(
    loadImportConfig({
      NODE_ENV: 'test',
      IMPORT_PORT: '0',
      IMPORT_DATABASE_URL: testDatabaseUrl(ns, 'import'),
      KAFKA_NAMESPACE: ns,
      IMPORT_WORKERS: 'false',
      ...issuer.env(),
    }),
    silentLogger(),
  );
  await app.start();
  // A sweep skips while the service's own Redis connection is not ready yet.
  if (app.services.redis.status !== 'ready') await once(app.services.redis, 'ready');
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  queue = new Queue('member-csv-import', { connection: redis, prefix: `kz:${ns}` });
});

afterAll(async () => {
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  redis.disconnect();
  await app.stop();
  await issuer.stop();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

/** An import as the upload leaves it: RUNNING with its chunk count, some chunks recorded as done. */
async function runningImport(opts: { chunks: number; done: number[]; startedSecondsAgo: number; status?: string }): Promise<string> {
  const id = randomUUID();
  await app.runtime.dataSource.query(
    `INSERT INTO import_jobs (id, org_id, started_by, status, chunk_count, chunks_done, processing_started_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(secs => $7))`,
    [id, randomUUID(), randomUUID(), opts.status ?? 'RUNNING', opts.chunks, opts.done.length, opts.startedSecondsAgo],
  );
  for (const chunk of opts.done) {
    await app.runtime.dataSource.query(
      `INSERT INTO import_chunks (import_id, chunk, rows_created, rows_updated, rows_unchanged, rows_failed) VALUES ($1, $2, 10, 0, 0, 0)`,
      [id, chunk],
    );
  }
  return id;
}

describe('lost chunk sweep (Redis lost the queue: restart without persistence, flush)', () => {
  it('queues again the unfinished chunks the queue no longer holds, under their deterministic ids, once', async () => {
    const id = await runningImport({ chunks: 5, done: [2], startedSecondsAgo: 60 });
    // Chunk 3 is still queued (or running): the sweep leaves it alone.
    await queue.add('chunk', { importId: id, chunk: 3 }, { jobId: `${id}-3` });

    const requeued = await app.services.lostChunkSweep.sweepOnce();
    expect(requeued.get(id)).toEqual([1, 4, 5]);
    for (const chunk of [1, 3, 4, 5]) {
      const job = await queue.getJob(`${id}-${chunk}`);
      expect(job?.data).toEqual({ importId: id, chunk });
      expect(await job!.getState()).toBe('waiting');
    }
    expect(await queue.getJob(`${id}-2`)).toBeUndefined();
    expect((await queue.getJob(`${id}-1`))!.opts.attempts).toBe(8);

    // Nothing is lost any more: the next sweep queues nothing.
    expect((await app.services.lostChunkSweep.sweepOnce()).has(id)).toBe(false);
  });

  it('after Redis lost everything (FLUSH of the queue), queues every unfinished chunk again', async () => {
    const id = await runningImport({ chunks: 3, done: [1], startedSecondsAgo: 60 });
    await app.services.lostChunkSweep.sweepOnce();
    await queue.obliterate({ force: true });
    expect(await queue.getJob(`${id}-2`)).toBeUndefined();
    const requeued = await app.services.lostChunkSweep.sweepOnce();
    expect(requeued.get(id)).toEqual([2, 3]);
  });

  it('leaves alone imports that ended, and those whose upload is still queueing its chunks', async () => {
    const ended = await runningImport({ chunks: 3, done: [], startedSecondsAgo: 60, status: 'FAILED' });
    const fresh = await runningImport({ chunks: 3, done: [], startedSecondsAgo: 0 });
    const requeued = await app.services.lostChunkSweep.sweepOnce();
    expect(requeued.has(ended)).toBe(false);
    expect(requeued.has(fresh)).toBe(false);
    expect(await queue.getJob(`${ended}-1`)).toBeUndefined();
    expect(await queue.getJob(`${fresh}-1`)).toBeUndefined();
  });
});
