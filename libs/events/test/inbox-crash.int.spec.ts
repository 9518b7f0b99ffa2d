import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createDataSource, ensureDatabase } from '@kz/db';
import { deleteTestTopics, dropTestDatabases, eventually, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import {
  createEvent,
  createKafka,
  ensureTopics,
  eventTablesUp,
  InboxEventAttempts1765008000000,
  kafkaTopic,
  OutboxTraceParent1766390400000,
  type EventEnvelope,
} from '../src';

class TestTables1700000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesUp) await q.query(sql);
    await q.query('CREATE TABLE effects (event_id uuid NOT NULL, group_id text NOT NULL)');
    await q.query('CREATE TABLE handler_starts (event_id uuid NOT NULL)');
  }
  async down(): Promise<void> {}
}

const MAX_ATTEMPTS = 3;

// Events handled one at a time, and in batches (given back one by one once a batch holds an event that crashed before).
describe.each(['one by one', 'in batches'])('%s', (mode) => {
  const batched = mode === 'in batches';
  const ns = testNamespace();
  const url = testDatabaseUrl(ns, 'events_crash');
  let dataSource: DataSource;
  let child: ChildProcess | undefined;

  function membershipEvent(groupId: string, key = groupId): EventEnvelope {
    return createEvent('groups.memberships.added', { key, orgId: null, payload: { groupId, members: [{ userId: randomUUID(), role: 'MEMBER' }] } });
  }

  /** Starts the consumer in a child process; resolves with it once it consumes. */
  function startConsumer(): Promise<ChildProcess> {
    const started = fork(join(__dirname, 'support', 'crashing-inbox-consumer.child.ts'), [], {
      execArgv: ['--require', join(__dirname, 'support', 'register-typescript.cjs')],
      env: { ...process.env, KZ_TEST_DATABASE_URL: url, KZ_TEST_NAMESPACE: ns, KZ_TEST_MAX_ATTEMPTS: String(MAX_ATTEMPTS), KZ_TEST_BATCHED: String(batched) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      started.once('message', () => resolve(started));
      started.once('exit', (code, signal) => reject(new Error(`consumer child exited before consuming (${code ?? signal})`)));
    });
  }

  function exited(c: ChildProcess): Promise<NodeJS.Signals | number | null> {
    if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve(c.signalCode ?? c.exitCode);
    return new Promise((resolve) => c.once('exit', (code, signal) => resolve(signal ?? code)));
  }

  /** Waits until the child dies (its signal) or the consumer has applied `eventId` ('past'). */
  async function killedOrPast(c: ChildProcess, eventId: string): Promise<string> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (c.signalCode !== null || c.exitCode !== null) return String(c.signalCode ?? c.exitCode);
      if ((await effects()).includes(eventId)) return 'past';
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the consumer neither died nor got past the crashing event');
  }

  async function send(events: EventEnvelope[]): Promise<void> {
    const producer = new Kafka({ brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: kafkaTopic(ns, 'groups.memberships'), messages: events.map((e) => ({ key: e.key, value: JSON.stringify(e) })) });
    await producer.disconnect();
  }

  async function startsOf(eventId: string): Promise<number> {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM handler_starts WHERE event_id = $1`, [eventId]);
    return row.n;
  }

  async function effects(): Promise<string[]> {
    const rows: { event_id: string }[] = await dataSource.query(`SELECT event_id FROM effects`);
    return rows.map((r) => r.event_id).sort();
  }

  beforeAll(async () => {
    await ensureDatabase(url);
    dataSource = createDataSource({
      url,
      entities: [],
      migrations: [TestTables1700000000000, InboxEventAttempts1765008000000, OutboxTraceParent1766390400000],
      applicationName: 'kz-events-crash-test',
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await ensureTopics(createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'kz-events-crash-test', logger: silentLogger() }), ns);
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await dataSource.destroy();
    await dropTestDatabases(ns);
    await deleteTestTopics(ns);
  });

  describe(`inbox consumer whose handler kills the process, ${mode}`, () => {
    it(`parks the event after ${MAX_ATTEMPTS} started attempts, never runs it again, and keeps consuming other events`, async () => {
      const before = membershipEvent('before', 'crash-partition');
      const crash = membershipEvent('crash', 'crash-partition');
      const after = membershipEvent('after', 'crash-partition');
      const elsewhere = Array.from({ length: 5 }, (_, i) => membershipEvent(`elsewhere-${i}`));
      // One key for the first three, so one partition: `after` is reached only once `crash` is parked.
      await send([before, crash, after, ...elsewhere]);

      // Each start of the handler on `crash` kills the consumer; start it again until the event is parked.
      let restarts = 0;
      for (;;) {
        child = await startConsumer();
        const outcome = await killedOrPast(child, after.id);
        if (outcome === 'past') break;
        expect(outcome).toBe('SIGKILL');
        restarts++;
        expect(restarts).toBeLessThanOrEqual(MAX_ATTEMPTS);
      }

      expect(restarts).toBe(MAX_ATTEMPTS);
      expect(await startsOf(crash.id)).toBe(MAX_ATTEMPTS);
      // Partitions last held by a killed consumer come back only once the group has rebalanced without it.
      await eventually(async () => expect(await effects()).toEqual([before, after, ...elsewhere].map((e) => e.id).sort()), { timeoutMs: 90_000 });
      expect(await dataSource.query(`SELECT event_id, attempts, error FROM inbox_parked_events`)).toEqual([
        {
          event_id: crash.id,
          attempts: MAX_ATTEMPTS,
          error: `handling did not finish in ${MAX_ATTEMPTS} of ${MAX_ATTEMPTS} attempts: the process stopped while handling it`,
        },
      ]);
      expect(await dataSource.query(`SELECT started_attempts, finished_attempts FROM inbox_event_attempts WHERE event_id = $1`, [crash.id])).toEqual([
        { started_attempts: MAX_ATTEMPTS, finished_attempts: 0 },
      ]);

      // A consumer that starts from the committed offsets again, even one before the parked event, leaves it parked.
      child.kill('SIGKILL');
      await exited(child);
      child = await startConsumer();
      const later = membershipEvent('later', 'crash-partition');
      await send([crash, later]);
      await eventually(async () => expect(await effects()).toContain(later.id), { timeoutMs: 90_000 });
      expect(await startsOf(crash.id)).toBe(MAX_ATTEMPTS);
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM inbox_parked_events`)).toEqual([{ n: 1 }]);
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    }, 240_000);
  });
});
