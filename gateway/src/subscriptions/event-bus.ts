import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { kafkaTopic, parseEnvelope, RestartingConsumer, runCommittingPeriodically, Topics, type AnyEnvelope, type TopicKey } from '@kz/events';
import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from 'pino';

export type EventListener = (event: AnyEnvelope) => void;

/** The group whose conversation a message event belongs to: those events reach only that group's listeners and the unscoped ones. */
function conversationOf(event: AnyEnvelope): string | null {
  switch (event.type) {
    case 'messaging.message.sent':
    case 'messaging.message.edited':
    case 'messaging.message.deleted':
    case 'messaging.poll.updated':
      return event.payload.groupId;
    default:
      return null;
  }
}

const TOPICS: TopicKey[] = ['messagingMessages', 'groupsMemberships', 'groupsGroups', 'importJobs'];
const RECENT_IDS = 20_000;

/**
 * Domain events for this gateway process's subscribers. Every process reads
 * every event through consumer groups of its own, so each process delivers
 * each event to its own subscribers; ids already seen are dropped, so a Kafka
 * redelivery never reaches a subscriber twice.
 *
 * One consumer per topic: kafkajs asks for every partition a consumer follows
 * in each fetch and handles every partition's batch, empty or not, and the
 * broker answers for each. With one consumer for all topics, each message
 * event made the gateway and the broker walk the partitions of the idle
 * topics too (36 instead of 12).
 */
export class SubscriptionEventBus {
  private readonly consumers: RestartingConsumer[];
  private readonly started = new Set<RestartingConsumer>();
  private readonly listeners = new Set<EventListener>();
  /** Listeners of one group; every event that is not a group's message event reaches them too. */
  private readonly groupListeners = new Map<string, Set<EventListener>>();
  private readonly recent = new Set<string>();
  private readonly joinedTopics = new Set<TopicKey>();
  private joined: Promise<void>;
  private markJoined: () => void = () => undefined;

  constructor(
    kafka: Kafka,
    private readonly namespace: string,
    private readonly logger: Logger,
  ) {
    const thisProcess = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.consumers = TOPICS.map(
      (topic) =>
        new RestartingConsumer(
          kafka,
          {
            groupId: `${namespace}.gateway.${thisProcess}.${topic}`,
            sessionTimeout: 10_000,
            heartbeatInterval: 1_000,
            // A fetch returns as soon as a record arrives; this only bounds idle waits.
            maxWaitTimeInMs: 500,
            retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5_000 },
          },
          (consumer) => this.run(consumer, topic),
          logger,
        ),
    );
    this.joined = new Promise((resolve) => (this.markJoined = resolve));
  }

  /** Starts the consumers not started yet: after a failure, calling it again retries only those. */
  async start(): Promise<void> {
    await Promise.all(
      this.consumers
        .filter((consumer) => !this.started.has(consumer))
        .map(async (consumer) => {
          await consumer.start();
          this.started.add(consumer);
        }),
    );
  }

  private async run(consumer: Consumer, topic: TopicKey): Promise<void> {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joinedTopics.add(topic);
      if (this.joinedTopics.size === TOPICS.length) this.markJoined();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [kafkaTopic(this.namespace, Topics[topic].name)], fromBeginning: false });
    await runCommittingPeriodically(consumer, {
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
        this.deliver(event);
      },
    });
  }

  /** Resolves once every consumer of this process has joined its group and will see new events. */
  ready(): Promise<void> {
    return this.joined;
  }

  /**
   * Calls the listener with every event, or, given a group, with that group's
   * message events and every other event (memberships, hierarchy, imports):
   * a busy conversation costs nothing to the listeners of other groups.
   */
  listen(listener: EventListener, groupId: string | null = null): () => void {
    if (groupId === null) {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    }
    let forGroup = this.groupListeners.get(groupId);
    if (!forGroup) this.groupListeners.set(groupId, (forGroup = new Set()));
    forGroup.add(listener);
    return () => {
      forGroup.delete(listener);
      if (forGroup.size === 0 && this.groupListeners.get(groupId) === forGroup) this.groupListeners.delete(groupId);
    };
  }

  /** Delivers an event as it would arrive from Kafka. */
  deliver(event: AnyEnvelope): void {
    for (const listener of this.listeners) listener(event);
    const conversation = conversationOf(event);
    if (conversation !== null) {
      const forGroup = this.groupListeners.get(conversation);
      if (forGroup) for (const listener of forGroup) listener(event);
      return;
    }
    for (const forGroup of this.groupListeners.values()) for (const listener of forGroup) listener(event);
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    this.groupListeners.clear();
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  private remember(id: string): void {
    this.recent.add(id);
    if (this.recent.size > RECENT_IDS) {
      const oldest = this.recent.values().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
  }
}
