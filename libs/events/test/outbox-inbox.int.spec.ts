import { randomUUID } from 'node:crypto';
import { createDataSource, ensureDatabase } from '@kz/db';
import { deleteTestTopics, dropTestDatabases, eventually, EventTap, silentLogger, testDatabaseUrl, testNamespace } from '@kz/testing';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import {
  createEvent,
  createKafka,
  ensureTopics,
  eventTablesUp,
  InboxEventAttempts1765008000000,
  OutboxTraceParent1766390400000,
  InboxConsumer,
  kafkaTopic,
  Outbox,
  OutboxRelay,
  type EventEnvelope,
} from '../src';

class TestTables1700000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesUp) await q.query(sql);
    await q.query('CREATE TABLE effects (seq bigserial PRIMARY KEY, consumer text NOT NULL, event_id uuid NOT NULL, group_id text NOT NULL)');
  }
  async down(): Promise<void> {}
}

const ns = testNamespace();
const logger = silentLogger();
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'kz-events-test', logger });
const tap = new EventTap(ns);
let dataSource: DataSource;
let producer: Producer;
let relay: OutboxRelay;
/** The same handler consumed one event at a time, and in batches. */
const CONSUMERS = ['events-test', 'events-test-batched'] as const;
let consumers: InboxConsumer[];

function membershipEvent(groupId: string): EventEnvelope {
  return createEvent('groups.memberships.added', { key: groupId, orgId: null, payload: { groupId, members: [{ userId: randomUUID(), role: 'MEMBER' }] } });
}

beforeAll(async () => {
  const url = testDatabaseUrl(ns, 'events');
  await ensureDatabase(url);
  dataSource = createDataSource({
    url,
    entities: [],
    migrations: [TestTables1700000000000, InboxEventAttempts1765008000000, OutboxTraceParent1766390400000],
    applicationName: 'kz-events-test',
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await ensureTopics(kafka, ns);
  producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  relay = new OutboxRelay(dataSource, producer, ns, logger, { pollIntervalMs: 100 });
  relay.start();
  await tap.listen(['groupsMemberships']);
  const apply = async (consumerId: string, event: EventEnvelope<'groups.memberships.added'>, m: EntityManager) => {
    if (event.payload.groupId === 'poison') throw new Error('this handler always fails for poison');
    await m.query('INSERT INTO effects (consumer, event_id, group_id) VALUES ($1, $2, $3)', [consumerId, event.id, event.payload.groupId]);
  };
  consumers = CONSUMERS.map(
    (groupId) =>
      new InboxConsumer({
        kafka,
        dataSource,
        namespace: ns,
        groupId,
        topics: ['groupsMemberships'],
        logger,
        maxAttempts: 2,
        // Events of the group 'passed-over' are of no concern to this consumer.
        needs: async (event) => event.key !== 'passed-over',
        handlers: { 'groups.memberships.added': (event, m) => apply(groupId, event, m) },
        ...(groupId.endsWith('batched')
          ? {
              batch: {
                handle: async (events, m) => {
                  for (const { event } of events) await apply(groupId, event as EventEnvelope<'groups.memberships.added'>, m);
                },
              },
            }
          : {}),
      }),
  );
  for (const consumer of consumers) await consumer.start();
});

afterAll(async () => {
  for (const consumer of consumers) await consumer.stop();
  await relay.stop();
  await producer.disconnect();
  await tap.stop();
  await dataSource.destroy();
  await dropTestDatabases(ns);
  await deleteTestTopics(ns);
});

describe('outbox relay and inbox consumer against PostgreSQL and Kafka', () => {
  it('publishes outbox rows written in a transaction, in order per aggregate, and drops those of a rolled-back one', async () => {
    const outbox = new Outbox(dataSource);
    outbox.onWritten(() => relay.nudge());
    const events = Array.from({ length: 30 }, () => membershipEvent('ordered'));
    for (const e of events) await outbox.transaction(async (_m, emit) => emit(e));
    await expect(
      outbox.transaction(async (_m, emit) => {
        emit(membershipEvent('rolled-back'));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');

    await eventually(() => expect(tap.received.filter((r) => r.event.key === 'ordered').map((r) => r.event.id)).toEqual(events.map((e) => e.id)));
    expect(tap.received.some((r) => r.event.key === 'rolled-back')).toBe(false);
    // A published batch's mark rides on the next read, or follows alone within moments when no event comes.
    await eventually(async () => expect((await dataSource.query('SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL'))[0].n).toBe(0), {
      timeoutMs: 2_000,
    });
    const [marks] = await dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE published_at >= created_at AND published_at <= now())::int AS plausible FROM outbox_events`,
    );
    expect(marks.plausible).toBe(marks.n);
  });

  it('lets one relay per database publish at a time; another takes over when it stops, and nothing is published twice', async () => {
    const second = new OutboxRelay(dataSource, producer, ns, logger, { pollIntervalMs: 50 });
    second.start();
    const outbox = new Outbox(dataSource);
    // Advisory locks are per database: relays of other databases on the same server (another test's stack) hold theirs.
    const before = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_locks
        WHERE locktype = 'advisory' AND objid = hashtext('kz.outbox-relay')::oid AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    const early = Array.from({ length: 10 }, () => membershipEvent('relay-handover'));
    for (const e of early) await outbox.transaction(async (_m, emit) => emit(e));
    await eventually(() => expect(tap.received.filter((r) => r.event.key === 'relay-handover')).toHaveLength(10));
    // The first relay holds the publishing lock; the second waits for it.
    expect(before[0].n).toBe(1);

    await relay.stop();
    const late = Array.from({ length: 10 }, () => membershipEvent('relay-handover'));
    for (const e of late) await outbox.transaction(async (_m, emit) => emit(e));
    await eventually(() =>
      expect(tap.received.filter((r) => r.event.key === 'relay-handover').map((r) => r.event.id)).toEqual([...early, ...late].map((e) => e.id)),
    );
    await second.stop();
    relay = new OutboxRelay(dataSource, producer, ns, logger, { pollIntervalMs: 100 });
    relay.start();
  });

  it('applies a redelivered event once, and parks malformed and persistently failing events after counted attempts without blocking the partition', async () => {
    const raw = new Kafka({ brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await raw.connect();
    const topic = kafkaTopic(ns, 'groups.memberships');
    const twice = membershipEvent('same-key');
    const poison = membershipEvent('poison');
    const after = membershipEvent('same-key');
    // Same key, so one partition: the consumer must get past the bad ones to reach `after`.
    await raw.send({
      topic,
      messages: [
        { key: 'same-key', value: JSON.stringify(twice) },
        { key: 'same-key', value: JSON.stringify(twice) },
        { key: 'same-key', value: '{"not": "an envelope"}' },
        { key: 'same-key', value: JSON.stringify({ ...poison, key: 'same-key' }) },
        { key: 'same-key', value: JSON.stringify(after) },
      ],
    });
    await raw.disconnect();

    for (const consumer of CONSUMERS) {
      await eventually(async () => {
        const rows = await dataSource.query(`SELECT event_id FROM effects WHERE consumer = $1 AND group_id = 'same-key' ORDER BY event_id`, [consumer]);
        expect(rows.map((r: { event_id: string }) => r.event_id)).toEqual([twice.id, after.id].sort());
      });
      const parked = await dataSource.query(`SELECT event_id, error, attempts FROM inbox_parked_events WHERE consumer = $1 ORDER BY id`, [consumer]);
      expect(parked).toEqual([
        { event_id: null, error: expect.stringMatching(/malformed envelope/), attempts: 1 },
        { event_id: poison.id, error: 'this handler always fails for poison', attempts: 2 },
      ]);
      // Thrown failures are counted as started and finished attempts; the redelivered event was not attempted again.
      // A batch given back to be handled one by one counts nothing of its own.
      const attempts = await dataSource.query(
        `SELECT event_id, started_attempts, finished_attempts, parked_at IS NOT NULL AS parked FROM inbox_event_attempts
         WHERE consumer = $1 AND event_id = ANY($2) ORDER BY started_attempts`,
        [consumer, [twice.id, poison.id]],
      );
      expect(attempts).toEqual([
        { event_id: twice.id, started_attempts: 1, finished_attempts: 1, parked: false },
        { event_id: poison.id, started_attempts: 2, finished_attempts: 2, parked: true },
      ]);
    }
  });

  it('handles events of many partitions in batches, each once and in its order per key', async () => {
    const outbox = new Outbox(dataSource);
    outbox.onWritten(() => relay.nudge());
    const keys = Array.from({ length: 8 }, (_, k) => `ordered-${k}`);
    const events = Array.from({ length: 400 }, (_, i) => membershipEvent(keys[i % keys.length]!));
    for (let i = 0; i < events.length; i += 50) await outbox.transaction(async (_m, emit) => events.slice(i, i + 50).forEach((e) => emit(e)));

    for (const consumer of CONSUMERS) {
      await eventually(
        async () => {
          const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM effects WHERE consumer = $1 AND group_id LIKE 'ordered-%'`, [consumer]);
          expect(n).toBe(events.length);
        },
        { timeoutMs: 30_000 },
      );
      for (const key of keys) {
        const rows = await dataSource.query(`SELECT event_id FROM effects WHERE consumer = $1 AND group_id = $2 ORDER BY seq`, [consumer, key]);
        expect(rows.map((r: { event_id: string }) => r.event_id)).toEqual(events.filter((e) => e.key === key).map((e) => e.id));
      }
    }
    const attempts = await dataSource.query(
      `SELECT DISTINCT started_attempts, finished_attempts FROM inbox_event_attempts WHERE consumer = 'events-test-batched' AND event_id = ANY($1)`,
      [events.map((e) => e.id)],
    );
    expect(attempts).toEqual([{ started_attempts: 1, finished_attempts: 1 }]);
    // An inbox row's time is its transaction's start: the batched consumer took many events in each.
    const [{ transactions }] = await dataSource.query(
      `SELECT count(DISTINCT processed_at)::int AS transactions FROM inbox_processed_events WHERE consumer = 'events-test-batched' AND event_id = ANY($1)`,
      [events.map((e) => e.id)],
    );
    expect(transactions).toBeLessThanOrEqual(events.length / 5);
  });

  it('passes over, without a trace in the inbox, events its handlers would not change anything for', async () => {
    const outbox = new Outbox(dataSource);
    outbox.onWritten(() => relay.nudge());
    const ignored = Array.from({ length: 5 }, () => membershipEvent('passed-over'));
    const needed = membershipEvent('needed');
    for (const e of [...ignored, needed]) await outbox.transaction(async (_m, emit) => emit(e));

    for (const consumer of CONSUMERS) {
      await eventually(async () =>
        expect(await dataSource.query(`SELECT event_id FROM effects WHERE consumer = $1 AND group_id = 'needed'`, [consumer])).toEqual([
          { event_id: needed.id },
        ]),
      );
    }
    const ids = ignored.map((e) => e.id);
    expect(await dataSource.query(`SELECT event_id FROM effects WHERE event_id = ANY($1)`, [ids])).toEqual([]);
    expect(await dataSource.query(`SELECT event_id FROM inbox_processed_events WHERE event_id = ANY($1)`, [ids])).toEqual([]);
    expect(await dataSource.query(`SELECT event_id FROM inbox_event_attempts WHERE event_id = ANY($1)`, [ids])).toEqual([]);
  });
});
