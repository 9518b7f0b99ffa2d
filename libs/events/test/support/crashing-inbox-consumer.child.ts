/**
 * An inbox consumer in its own process whose handler kills that process
 * (SIGKILL, so nothing can clean up) for events of group `crash`, one event at a
 * time or, with KZ_TEST_BATCHED=true, in batches. Other
 * events leave an effect row. Every handler start is committed to
 * `handler_starts` first, so the test can count how often it ran.
 */
import { createDataSource } from '@kz/db';
import { silentLogger } from '@kz/testing';
import type { EntityManager } from 'typeorm';
import { createKafka, InboxConsumer, type EventEnvelope } from '../../src';

async function main(): Promise<void> {
  const url = process.env.KZ_TEST_DATABASE_URL!;
  const namespace = process.env.KZ_TEST_NAMESPACE!;
  const maxAttempts = Number(process.env.KZ_TEST_MAX_ATTEMPTS);
  const logger = silentLogger();
  const dataSource = createDataSource({ url, entities: [], migrations: [], applicationName: 'kz-events-crash-child' });
  await dataSource.initialize();
  const apply = async (event: EventEnvelope<'groups.memberships.added'>, m: EntityManager) => {
    await dataSource.query('INSERT INTO handler_starts (event_id) VALUES ($1)', [event.id]);
    if (event.payload.groupId === 'crash') process.kill(process.pid, 'SIGKILL');
    await m.query('INSERT INTO effects (event_id, group_id) VALUES ($1, $2)', [event.id, event.payload.groupId]);
  };
  const consumer = new InboxConsumer({
    kafka: createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'kz-events-crash-child', logger }),
    dataSource,
    namespace,
    groupId: 'events-crash-test',
    topics: ['groupsMemberships'],
    logger,
    maxAttempts,
    handlers: { 'groups.memberships.added': apply },
    ...(process.env.KZ_TEST_BATCHED === 'true'
      ? {
          batch: {
            handle: async (events, m) => {
              for (const { event } of events) await apply(event as EventEnvelope<'groups.memberships.added'>, m);
            },
          },
        }
      : {}),
  });
  process.on('SIGTERM', () => {
    void consumer
      .stop()
      .then(() => dataSource.destroy())
      .finally(() => process.exit(0));
  });
  await consumer.start();
  process.send?.('consuming');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
