import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { kafkaTopic, parseEnvelope, RestartingConsumer, Topics, type AnyEnvelope, type TopicKey } from '@kz/events';
import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from 'pino';

export type EventListener = (event: AnyEnvelope) => void;

const TOPICS: TopicKey[] = ['messagingMessages', 'groupsMemberships', 'groupsGroups', 'importJobs'];
const RECENT_IDS = 20_000;

/**
 * Domain events for this gateway process's subscribers. Every process reads
 * every event through a consumer group of its own, so each process delivers
 * each event to its own subscribers; ids already seen are dropped, so a Kafka
 * redelivery never reaches a subscriber twice.
 */
export class SubscriptionEventBus {
  private readonly consumer: RestartingConsumer;
  private readonly listeners = new Set<EventListener>();
  private readonly recent = new Set<string>();
  private joined: Promise<void>;
  private markJoined: () => void = () => undefined;

  constructor(
    kafka: Kafka,
    private readonly namespace: string,
    private readonly logger: Logger,
  ) {
    this.consumer = new RestartingConsumer(
      kafka,
      {
        groupId: `${namespace}.gateway.${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        // Delivery latency: a fetch returns as soon as a record arrives; this only bounds idle waits.
        maxWaitTimeInMs: 100,
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5_000 },
      },
      (consumer) => this.run(consumer),
      logger,
    );
    this.joined = new Promise((resolve) => (this.markJoined = resolve));
  }

  start(): Promise<void> {
    return this.consumer.start();
  }

  private async run(consumer: Consumer): Promise<void> {
    consumer.on(consumer.events.GROUP_JOIN, () => this.markJoined());
    await consumer.connect();
    await consumer.subscribe({ topics: TOPICS.map((t) => kafkaTopic(this.namespace, Topics[t].name)), fromBeginning: false });
    await consumer.run({
      partitionsConsumedConcurrently: 4,
      eachMessage: async ({ message }) => {
        let event: AnyEnvelope;
        try {
          event = parseEnvelope(message.value);
        } catch (err) {
          this.logger.warn({ err }, 'skipping an event that is not a valid envelope');
          return;
        }
        if (this.recent.has(event.id)) return;
        this.remember(event.id);
        for (const listener of this.listeners) listener(event);
      },
    });
  }

  /** Resolves once this process's consumer has joined its group and will see new events. */
  ready(): Promise<void> {
    return this.joined;
  }

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    await this.consumer.stop();
  }

  private remember(id: string): void {
    this.recent.add(id);
    if (this.recent.size > RECENT_IDS) {
      const oldest = this.recent.values().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
  }
}
