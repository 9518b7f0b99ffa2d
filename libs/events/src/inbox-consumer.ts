import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { kafkaTopic, Topics, type EventType, type TopicKey } from './catalogue';
import { parseEnvelope, type EventEnvelope } from './envelope';
import { RestartingConsumer } from './restarting-consumer';
import { runCommittingPeriodically } from './periodic-commits';

export type EventHandler<T extends EventType> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;
export type EventHandlers = { [K in EventType]?: EventHandler<K> };

export interface InboxConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  namespace: string;
  /** Consumer group (namespaced in Kafka); also the inbox's name for processed event ids. */
  groupId: string;
  topics: readonly TopicKey[];
  handlers: EventHandlers;
  logger: Logger;
  /** Attempts before an event whose handler keeps failing is parked. */
  maxAttempts?: number;
  /** Called after an event's transaction commits (wakes the outbox relay when handlers emit events). */
  onCommitted?: () => void;
}

/**
 * Consumes events idempotently: the event id is recorded in the same
 * transaction as the handler's effect, so a redelivered event changes nothing.
 * Events that cannot be parsed, or whose handler fails `maxAttempts` times
 * while the database is healthy, are parked in a table instead of blocking
 * their partition forever.
 */
export class InboxConsumer {
  private readonly consumer: RestartingConsumer;
  private readonly maxAttempts: number;
  private stopping = false;

  constructor(private readonly opts: InboxConsumerOptions) {
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.consumer = new RestartingConsumer(
      opts.kafka,
      {
        groupId: `${opts.namespace}.${opts.groupId}`,
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        // The broker answers as soon as a record arrives; this bounds idle waits.
        maxWaitTimeInMs: 250,
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5_000 },
      },
      (consumer) => this.run(consumer),
      opts.logger,
    );
  }

  start(): Promise<void> {
    return this.consumer.start();
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: this.opts.topics.map((t) => kafkaTopic(this.opts.namespace, Topics[t].name)), fromBeginning: true });
    await runCommittingPeriodically(consumer, {
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ topic, partition, message }) => this.handle(topic, partition, message),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.stop();
  }

  private async handle(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    let event: EventEnvelope;
    try {
      event = parseEnvelope(message.value);
    } catch (err) {
      await this.park(topic, partition, message, null, err as Error, 1);
      return;
    }
    const handler = this.opts.handlers[event.type] as EventHandler<EventType> | undefined;
    if (!handler) return;
    let attempts = 0;
    for (;;) {
      try {
        await this.opts.dataSource.transaction(async (manager) => {
          const inserted = (await manager.query(
            `INSERT INTO inbox_processed_events (consumer, event_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.opts.groupId, event.id],
          )) as unknown[];
          if (inserted.length === 0) return;
          await handler(event, manager);
        });
        this.opts.onCommitted?.();
        return;
      } catch (err) {
        if (this.stopping) throw err;
        // An unreachable database is not the event's fault: wait, never park.
        if (!(await this.databaseHealthy())) {
          this.opts.logger.warn({ err, eventId: event.id }, 'database unavailable while consuming; waiting');
          await delay(1_000);
          continue;
        }
        attempts++;
        if (attempts >= this.maxAttempts) {
          await this.park(topic, partition, message, event.id, err as Error, attempts);
          return;
        }
        await delay(100 * 2 ** attempts);
      }
    }
  }

  private async databaseHealthy(): Promise<boolean> {
    try {
      await this.opts.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async park(topic: string, partition: number, message: KafkaMessage, eventId: string | null, err: Error, attempts: number) {
    this.opts.logger.error({ err, topic, partition, offset: message.offset, eventId }, 'parking event that cannot be processed');
    await this.opts.dataSource.query(
      `INSERT INTO inbox_parked_events (consumer, topic, partition, "offset", event_id, raw, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [this.opts.groupId, topic, partition, message.offset, eventId, message.value?.toString() ?? null, err.message, attempts],
    );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
