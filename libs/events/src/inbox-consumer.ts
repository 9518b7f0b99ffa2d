import { inSpanOf, traceParentIn } from '@kz/telemetry';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { kafkaTopic, Topics, type EventType, type TopicKey } from './catalogue';
import { parseEnvelope, type EventEnvelope } from './envelope';
import { HandlerGate } from './handler-gate';
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
  /**
   * The Kafka consumer group, when it is not `groupId`: one inbox read by a consumer per topic, so that each fetch
   * walks one topic's partitions instead of every topic's (a fetch costs in proportion to the partitions it walks).
   */
  kafkaGroupId?: string;
  topics: readonly TopicKey[];
  handlers: EventHandlers;
  logger: Logger;
  /** Attempts before an event whose handler keeps failing is parked. */
  maxAttempts?: number;
  /** Called after an event's transaction commits (wakes the outbox relay when handlers emit events). */
  onCommitted?: () => void;
  /**
   * Whether the handlers have anything to do with an event, asked before any write: one they would leave unchanged
   * is passed over without a trace in the inbox, saving its transaction (for a consumer of every topic that acts on
   * few events). Read-only; when it fails, the event is handled as usual.
   */
  needs?: (event: EventEnvelope, manager: EntityManager) => Promise<boolean>;
}

/**
 * Consumes events idempotently: the event id is recorded in the same
 * transaction as the handler's effect, so a redelivered event changes nothing.
 * Events that cannot be parsed, or whose handler fails `maxAttempts` times
 * while the database is healthy, are parked in a table instead of blocking
 * their partition forever. Attempts are counted in `inbox_event_attempts`
 * before the handler runs, so a handler that kills the process also runs at
 * most `maxAttempts` times. An event whose earlier attempt never finished runs
 * alone, so the events handled beside it are not charged for its crash.
 */
export class InboxConsumer {
  private readonly consumer: RestartingConsumer;
  private readonly maxAttempts: number;
  private stopping = false;
  private readonly gate = new HandlerGate();

  constructor(private readonly opts: InboxConsumerOptions) {
    this.maxAttempts = opts.maxAttempts ?? 5;
    this.consumer = new RestartingConsumer(
      opts.kafka,
      {
        groupId: `${opts.namespace}.${opts.kafkaGroupId ?? opts.groupId}`,
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

  /** Messages behind each partition's end after the last batch handled there, by topic and partition. */
  private readonly lag = new Map<string, { topic: string; lag: number }>();

  /** How far behind this consumer group is, per topic (messages), as of each partition's last batch. */
  lagByTopic(): Map<string, number> {
    const byTopic = new Map<string, number>();
    for (const { topic, lag } of this.lag.values()) byTopic.set(topic, (byTopic.get(topic) ?? 0) + lag);
    return byTopic;
  }

  get groupId(): string {
    return this.opts.groupId;
  }

  private async run(consumer: Consumer): Promise<void> {
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      this.lag.set(`${payload.topic}:${payload.partition}`, { topic: payload.topic, lag: Math.max(0, Number(payload.offsetLag)) });
    });
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
    if (this.opts.needs && !(await this.opts.needs(event, this.opts.dataSource.manager).catch(() => true))) return;
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': this.opts.kafkaGroupId ?? this.opts.groupId,
      'messaging.message.id': event.id,
    };
    await inSpanOf(traceParentIn(message.headers), `process ${event.type}`, attributes, async () => {
      const outcome = await this.gate.shared(() => this.attempt(topic, partition, message, event, handler, false));
      if (outcome === 'run alone') await this.gate.alone(() => this.attempt(topic, partition, message, event, handler, true));
    });
  }

  /**
   * Runs the handler until it succeeds or the event is parked. Answers 'run alone' instead when an earlier attempt
   * never finished and this one does not run alone: the process died then, perhaps for another event's fault.
   */
  private async attempt(
    topic: string,
    partition: number,
    message: KafkaMessage,
    event: EventEnvelope,
    handler: EventHandler<EventType>,
    alone: boolean,
  ): Promise<'done' | 'run alone'> {
    for (;;) {
      let started: number | undefined;
      try {
        const attempt = await this.startAttempt(event.id);
        if (attempt.state === 'settled') return 'done';
        if (attempt.state === 'run' && !alone && attempt.started - 1 > attempt.finished) {
          await this.withdrawAttempt(event.id);
          return 'run alone';
        }
        if (attempt.state === 'exhausted') {
          const crashed = attempt.started - attempt.finished;
          const reason =
            crashed > 0
              ? `handling did not finish in ${crashed} of ${attempt.started} attempts: the process stopped while handling it`
              : `handling failed in all ${attempt.started} attempts`;
          await this.park(topic, partition, message, event.id, new Error(reason), attempt.started);
          return 'done';
        }
        started = attempt.started;
        await this.opts.dataSource.transaction(async (manager) => {
          const inserted = (await manager.query(
            `INSERT INTO inbox_processed_events (consumer, event_id) VALUES ($1, $2)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [this.opts.groupId, event.id],
          )) as unknown[];
          if (inserted.length === 0) return;
          await handler(event, manager);
          await manager.query(`UPDATE inbox_event_attempts SET finished_attempts = finished_attempts + 1 WHERE consumer = $1 AND event_id = $2`, [
            this.opts.groupId,
            event.id,
          ]);
        });
        this.opts.onCommitted?.();
        return 'done';
      } catch (err) {
        if (this.stopping) {
          // Shutting down is not the event's fault either; if the database still answers, give the attempt back.
          if (started !== undefined) await this.withdrawAttempt(event.id).catch(() => undefined);
          throw err;
        }
        // An unreachable database is not the event's fault: wait, never park.
        if (!(await this.databaseHealthy())) {
          this.opts.logger.warn({ err, eventId: event.id }, 'database unavailable while consuming; waiting');
          await this.untilDatabaseHealthy();
          if (started !== undefined) await this.withdrawAttempt(event.id);
          continue;
        }
        if (started === undefined) throw err;
        await this.finishFailedAttempt(event.id);
        if (started >= this.maxAttempts) {
          await this.park(topic, partition, message, event.id, err as Error, started);
          return 'done';
        }
        await delay(100 * 2 ** started);
      }
    }
  }

  /**
   * Records that an attempt starts, committed before the handler runs, so a
   * process killed inside the handler still leaves the attempt counted.
   * `settled` means the event was handled or parked already; `exhausted` that
   * its attempts are used up and it must be parked without running again.
   */
  private async startAttempt(eventId: string): Promise<{ state: 'run' | 'exhausted'; started: number; finished: number } | { state: 'settled' }> {
    const params = [this.opts.groupId, eventId, this.maxAttempts];
    const counted = (await this.opts.dataSource.query(
      `INSERT INTO inbox_event_attempts (consumer, event_id, started_attempts)
       SELECT $1, $2, 1
       WHERE NOT EXISTS (SELECT 1 FROM inbox_processed_events WHERE consumer = $1 AND event_id = $2)
       ON CONFLICT (consumer, event_id) DO UPDATE
         SET started_attempts = inbox_event_attempts.started_attempts + 1, last_started_at = now()
         WHERE inbox_event_attempts.parked_at IS NULL AND inbox_event_attempts.started_attempts < $3
       RETURNING started_attempts AS started, finished_attempts AS finished`,
      params,
    )) as { started: number; finished: number }[];
    if (counted[0]) return { state: 'run', ...counted[0] };
    // Nothing counted: handled already, parked already, or out of attempts.
    const [found] = (await this.opts.dataSource.query(
      `SELECT a.started_attempts AS started, a.finished_attempts AS finished
       FROM inbox_event_attempts a
       WHERE a.consumer = $1 AND a.event_id = $2 AND a.parked_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM inbox_processed_events p WHERE p.consumer = $1 AND p.event_id = $2)`,
      params.slice(0, 2),
    )) as { started: number; finished: number }[];
    return found ? { state: 'exhausted', ...found } : { state: 'settled' };
  }

  private async finishFailedAttempt(eventId: string): Promise<void> {
    await this.opts.dataSource.query(`UPDATE inbox_event_attempts SET finished_attempts = finished_attempts + 1 WHERE consumer = $1 AND event_id = $2`, [
      this.opts.groupId,
      eventId,
    ]);
  }

  /** Un-counts an attempt that failed for reasons outside the event (an outage, a shutdown). */
  private async withdrawAttempt(eventId: string): Promise<void> {
    await this.opts.dataSource.query(
      `UPDATE inbox_event_attempts SET started_attempts = started_attempts - 1
       WHERE consumer = $1 AND event_id = $2 AND started_attempts > finished_attempts`,
      [this.opts.groupId, eventId],
    );
  }

  private async databaseHealthy(): Promise<boolean> {
    try {
      await this.opts.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async untilDatabaseHealthy(): Promise<void> {
    do await delay(1_000);
    while (!this.stopping && !(await this.databaseHealthy()));
  }

  private async park(topic: string, partition: number, message: KafkaMessage, eventId: string | null, err: Error, attempts: number) {
    this.opts.logger.error({ err, topic, partition, offset: message.offset, eventId }, 'parking event that cannot be processed');
    await this.opts.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO inbox_parked_events (consumer, topic, partition, "offset", event_id, raw, error, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [this.opts.groupId, topic, partition, message.offset, eventId, message.value?.toString() ?? null, err.message, attempts],
      );
      if (eventId !== null) {
        await manager.query(`UPDATE inbox_event_attempts SET parked_at = now() WHERE consumer = $1 AND event_id = $2`, [this.opts.groupId, eventId]);
      }
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
