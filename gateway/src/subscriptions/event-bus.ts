import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { kafkaTopic, parseEnvelope, RestartingConsumer, runCommittingPeriodically, Topics, type AnyEnvelope, type TopicKey } from '@kz/events';
import { inSpanOf, traceParentIn } from '@kz/telemetry';
import type { Consumer, Kafka } from 'kafkajs';
import type { Logger } from 'pino';

export type EventListener = (event: AnyEnvelope) => void;

/** What a listener hears: every event, the events about one group, those naming one person, or one import's or export's progress (jobId). */
export type Interest = { every: true } | { groupId: string } | { userId: string } | { jobId: string };

/** The group an event is about, if any. */
function groupOf(event: AnyEnvelope): string | null {
  switch (event.type) {
    case 'messaging.message.sent':
    case 'messaging.message.edited':
    case 'messaging.message.deleted':
    case 'messaging.poll.updated':
    case 'messaging.readers.changed':
    case 'groups.memberships.added':
    case 'groups.memberships.role-changed':
    case 'groups.memberships.removed':
    case 'groups.group.deleted':
    case 'groups.subgroup.attached':
    case 'groups.subgroup.detached':
      return event.payload.groupId;
    default:
      return null;
  }
}

/** The people an event names. */
function peopleOf(event: AnyEnvelope): readonly string[] {
  switch (event.type) {
    case 'messaging.readers.changed':
    case 'groups.memberships.removed':
      return event.payload.userIds;
    case 'groups.memberships.added':
    case 'groups.memberships.role-changed':
      return event.payload.members.map((member) => member.userId);
    case 'messaging.notifications.created':
      return event.payload.userIds;
    case 'groups.org-standing.changed':
      return [event.payload.userId];
    default:
      return [];
  }
}

const TOPICS: TopicKey[] = ['messagingMessages', 'messagingNotifications', 'groupsMemberships', 'groupsGroups', 'importJobs'];
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
  private readonly everyEvent = new Set<EventListener>();
  private readonly byGroup = new Map<string, Set<EventListener>>();
  private readonly byPerson = new Map<string, Set<EventListener>>();
  private readonly byJob = new Map<string, Set<EventListener>>();
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
      eachMessage: async ({ topic: topicName, message }) => {
        let event: AnyEnvelope;
        try {
          event = parseEnvelope(message.value);
        } catch (err) {
          this.logger.warn({ err }, 'skipping an event that is not a valid envelope');
          return;
        }
        if (this.recent.has(event.id)) return;
        this.remember(event.id);
        // Subscribers' streams capture this span as their deliveries' parent.
        const attributes = { 'messaging.system': 'kafka', 'messaging.destination.name': topicName, 'messaging.message.id': event.id };
        await inSpanOf(traceParentIn(message.headers), `process ${event.type}`, attributes, async () => this.deliver(event));
      },
    });
  }

  /** Resolves once every consumer of this process has joined its group and will see new events. */
  ready(): Promise<void> {
    return this.joined;
  }

  /**
   * Calls the listener with the events of its interest. An event reaches only
   * the listeners of its group, of the people it names and of its job (a
   * lookup each), and those of every event: a busy conversation or a
   * 2,000-member change costs nothing to the listeners it does not concern.
   */
  listen(interest: Interest, listener: EventListener): () => void {
    if ('every' in interest) {
      this.everyEvent.add(listener);
      return () => this.everyEvent.delete(listener);
    }
    const [index, key] =
      'groupId' in interest ? [this.byGroup, interest.groupId] : 'userId' in interest ? [this.byPerson, interest.userId] : [this.byJob, interest.jobId];
    let forKey = index.get(key);
    if (!forKey) index.set(key, (forKey = new Set()));
    forKey.add(listener);
    return () => {
      forKey.delete(listener);
      if (forKey.size === 0 && index.get(key) === forKey) index.delete(key);
    };
  }

  /** Delivers an event as it would arrive from Kafka. */
  deliver(event: AnyEnvelope): void {
    for (const listener of this.everyEvent) listener(event);
    const groupId = groupOf(event);
    if (groupId !== null) this.byGroup.get(groupId)?.forEach((listener) => listener(event));
    if (this.byPerson.size > 0) for (const userId of peopleOf(event)) this.byPerson.get(userId)?.forEach((listener) => listener(event));
    const jobId = event.type === 'import.job.progress' ? event.payload.importId : event.type === 'export.job.progress' ? event.payload.exportId : null;
    if (jobId !== null) this.byJob.get(jobId)?.forEach((listener) => listener(event));
  }

  async stop(): Promise<void> {
    for (const index of [this.everyEvent, this.byGroup, this.byPerson, this.byJob]) index.clear();
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
