import { BatchedConsumerSpan, inSpanOf, traceParentIn } from '@kz/telemetry';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { kafkaTopic, Topics, type EventType, type TopicKey } from './catalogue';
import { parseEnvelope, type EventEnvelope } from './envelope';
import { HandlerGate } from './handler-gate';
import { RestartingConsumer } from './restarting-consumer';
import { runCommittingPeriodically, type ConsumedMessage } from './periodic-commits';
import { RunCollector } from './run-collector';

export type EventHandler<T extends EventType> = (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>;
export type EventHandlers = { [K in EventType]?: EventHandler<K> };

/** An event handled among others in one transaction, with the `traceparent` of its consumer span (null when untraced). */
export interface BatchedEvent {
  readonly event: EventEnvelope;
  readonly traceParent: string | null;
}

/**
 * Handles several events, in their order, in one transaction: the same effects as the events' handlers one by one.
 * May answer what to do once the transaction has committed (tell workers of rows they can now read).
 */
export type BatchEventHandler = (events: readonly BatchedEvent[], manager: EntityManager) => Promise<(() => void) | void>;

export interface InboxBatchOptions {
  /** Handles what `handlers` would, for several events at once. */
  handle: BatchEventHandler;
  /** Kafka waits for this many bytes (or `fetchMaxWaitMs`) before answering a fetch, so that a fetch brings several events. */
  fetchMinBytes?: number;
  fetchMaxWaitMs?: number;
  /** The most events in one transaction. */
  maxEvents?: number;
}

/** Records events as consumed and counts their attempts as finished, in the transaction of their effects. */
const MARK_CONSUMED_SQL = `
  WITH consumed AS (
    INSERT INTO inbox_processed_events (consumer, event_id) SELECT $1, unnest($2::uuid[])
    ON CONFLICT DO NOTHING RETURNING event_id
  ), finished AS (
    UPDATE inbox_event_attempts a SET finished_attempts = finished_attempts + 1 FROM consumed c WHERE a.consumer = $1 AND a.event_id = c.event_id
  )
  SELECT event_id FROM consumed`;

/** Counts a started attempt at each of some events not handled yet, parked or out of attempts. */
const START_ATTEMPTS_SQL = `
  INSERT INTO inbox_event_attempts (consumer, event_id, started_attempts)
  SELECT $1, e, 1 FROM unnest($2::uuid[]) AS e
  WHERE NOT EXISTS (SELECT 1 FROM inbox_processed_events WHERE consumer = $1 AND event_id = e)
  ON CONFLICT (consumer, event_id) DO UPDATE
    SET started_attempts = inbox_event_attempts.started_attempts + 1, last_started_at = now()
    WHERE inbox_event_attempts.parked_at IS NULL AND inbox_event_attempts.started_attempts < $3
  RETURNING event_id, started_attempts AS started, finished_attempts AS finished`;

interface FetchedEvent extends ConsumedMessage {
  readonly event: EventEnvelope;
}

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
  /**
   * Handles the events that arrive together (every partition's of one fetch) in one transaction, for a consumer of
   * busy topics whose work per event is a few statements: the transaction, the inbox and the attempt counts then cost
   * once per batch. An event the batch cannot take (a malformed one, one whose earlier attempt never finished) and
   * every event of a batch that failed are handled one by one as usual.
   */
  batch?: InboxBatchOptions;
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
  private readonly collector: RunCollector<FetchedEvent> | null;

  constructor(private readonly opts: InboxConsumerOptions) {
    this.maxAttempts = opts.maxAttempts ?? 5;
    const batch = opts.batch;
    // A few milliseconds gather the partitions' runs of one fetch, which kafkajs hands over side by side.
    this.collector = batch ? new RunCollector((events) => this.handleTogether(events), 5, batch.maxEvents ?? 200) : null;
    this.consumer = new RestartingConsumer(
      opts.kafka,
      {
        groupId: `${opts.namespace}.${opts.kafkaGroupId ?? opts.groupId}`,
        sessionTimeout: 10_000,
        heartbeatInterval: 1_000,
        // The broker answers as soon as a record arrives; this bounds idle waits.
        maxWaitTimeInMs: opts.batch?.fetchMaxWaitMs ?? 250,
        minBytes: opts.batch?.fetchMinBytes ?? 1,
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
    await runCommittingPeriodically(
      consumer,
      this.collector
        ? {
            // Every partition's run of a fetch at once, so that they go in one transaction.
            partitionsConsumedConcurrently: Math.max(...this.opts.topics.map((t) => Topics[t].partitions)),
            eachRun: (run) => this.handleRun(run),
            runSize: this.opts.batch?.maxEvents ?? 200,
          }
        : { partitionsConsumedConcurrently: 3, eachMessage: (consumed) => this.handle(consumed) },
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.stop();
  }

  private async handle(consumed: ConsumedMessage): Promise<void> {
    let event: EventEnvelope;
    try {
      event = parseEnvelope(consumed.message.value);
    } catch (err) {
      await this.park(consumed.topic, consumed.partition, consumed.message, null, err as Error, 1);
      return;
    }
    if (!this.opts.handlers[event.type]) return;
    if (this.opts.needs && !(await this.opts.needs(event, this.opts.dataSource.manager).catch(() => true))) return;
    await this.handleOne({ ...consumed, event });
  }

  private async handleOne({ topic, partition, message, event }: FetchedEvent): Promise<void> {
    const handler = this.opts.handlers[event.type] as EventHandler<EventType>;
    await inSpanOf(traceParentIn(message.headers), `process ${event.type}`, this.spanAttributes(topic, event), async () => {
      const outcome = await this.gate.shared(() => this.attempt(topic, partition, message, event, handler, false));
      if (outcome === 'run alone') await this.gate.alone(() => this.attempt(topic, partition, message, event, handler, true));
    });
  }

  private spanAttributes(topic: string, event: EventEnvelope) {
    return {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.consumer.group.name': this.opts.kafkaGroupId ?? this.opts.groupId,
      'messaging.message.id': event.id,
    };
  }

  /**
   * A partition's run of messages, in batch mode: the events the handlers want go to the collector in stretches, a
   * malformed message between two stretches is parked on its own, in its place.
   */
  private async handleRun(run: readonly ConsumedMessage[]): Promise<void> {
    let stretch: FetchedEvent[] = [];
    for (const consumed of run) {
      let event: EventEnvelope;
      try {
        event = parseEnvelope(consumed.message.value);
      } catch {
        await this.handleStretch(stretch);
        stretch = [];
        await this.handle(consumed);
        continue;
      }
      if (this.opts.handlers[event.type]) stretch.push({ ...consumed, event });
    }
    await this.handleStretch(stretch);
  }

  private async handleStretch(stretch: readonly FetchedEvent[]): Promise<void> {
    const needs = this.opts.needs;
    const wanted = needs
      ? await Promise.all(stretch.map((fetched) => needs(fetched.event, this.opts.dataSource.manager).catch(() => true)))
      : stretch.map(() => true);
    const events = stretch.filter((_, i) => wanted[i]);
    if (events.length === 0) return;
    try {
      await this.collector!.submit(events);
    } catch (err) {
      if (this.stopping) throw err;
      if (!(err instanceof NotBatchable)) this.opts.logger.warn({ err, events: events.length }, 'a batch of events failed; handling them one by one');
      for (const fetched of events) await this.handleOne(fetched);
    }
  }

  /**
   * Handles events of several partitions in one transaction, once each: the attempt at each is counted first, as one
   * by one. When an event is out of attempts, or an earlier attempt at it never finished, the whole batch is given
   * back to be handled one by one (its partitions' order kept).
   */
  private async handleTogether(fetched: readonly FetchedEvent[]): Promise<void> {
    const byId = new Map<string, FetchedEvent>();
    for (const f of fetched) if (!byId.has(f.event.id)) byId.set(f.event.id, f);
    const ids = [...byId.keys()];
    const { groupId } = this.opts;
    await this.gate.shared(async () => {
      const counted = (await this.opts.dataSource.query(START_ATTEMPTS_SQL, [groupId, ids, this.maxAttempts])) as {
        event_id: string;
        started: number;
        finished: number;
      }[];
      const countedIds = counted.map((c) => c.event_id);
      const countedSet = new Set(countedIds);
      const uncounted = ids.filter((id) => !countedSet.has(id));
      const handledBefore = uncounted.length
        ? ((await this.opts.dataSource.query(`SELECT event_id FROM inbox_processed_events WHERE consumer = $1 AND event_id = ANY ($2::uuid[])`, [
            groupId,
            uncounted,
          ])) as { event_id: string }[])
        : [];
      if (handledBefore.length < uncounted.length || counted.some((c) => c.started - 1 > c.finished)) {
        await this.withdrawAttempts(countedIds);
        throw new NotBatchable();
      }
      const events = counted.map((c) => byId.get(c.event_id)!);
      const spans = events.map(({ topic, message, event }) =>
        BatchedConsumerSpan.start(traceParentIn(message.headers), `process ${event.type}`, this.spanAttributes(topic, event)),
      );
      const afterCommit: { run?: (() => void) | void } = {};
      try {
        await this.opts.dataSource.transaction(async (manager) => {
          const consumed = new Set(((await manager.query(MARK_CONSUMED_SQL, [groupId, countedIds])) as { event_id: string }[]).map((r) => r.event_id));
          const fresh = events.flatMap(({ event }, i) => (consumed.has(event.id) ? [{ event, traceParent: spans[i]?.traceParent ?? null }] : []));
          if (fresh.length > 0) afterCommit.run = await this.opts.batch!.handle(fresh, manager);
        });
      } catch (err) {
        spans.forEach((span) => span?.end(err));
        // Given back to be tried one by one, counted there.
        await this.withdrawAttempts(countedIds).catch(() => undefined);
        throw err;
      }
      spans.forEach((span) => span?.end());
      afterCommit.run?.();
      this.opts.onCommitted?.();
    });
  }

  private async withdrawAttempts(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.opts.dataSource.query(
      `UPDATE inbox_event_attempts SET started_attempts = started_attempts - 1
       WHERE consumer = $1 AND event_id = ANY ($2::uuid[]) AND started_attempts > finished_attempts`,
      [this.opts.groupId, eventIds],
    );
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
          const consumed = (await manager.query(MARK_CONSUMED_SQL, [this.opts.groupId, [event.id]])) as unknown[];
          if (consumed.length > 0) await handler(event, manager);
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
    const counted = (await this.opts.dataSource.query(START_ATTEMPTS_SQL, [this.opts.groupId, [eventId], this.maxAttempts])) as {
      started: number;
      finished: number;
    }[];
    if (counted[0]) return { state: 'run', started: counted[0].started, finished: counted[0].finished };
    // Nothing counted: handled already, parked already, or out of attempts.
    const [found] = (await this.opts.dataSource.query(
      `SELECT a.started_attempts AS started, a.finished_attempts AS finished
       FROM inbox_event_attempts a
       WHERE a.consumer = $1 AND a.event_id = $2 AND a.parked_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM inbox_processed_events p WHERE p.consumer = $1 AND p.event_id = $2)`,
      [this.opts.groupId, eventId],
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
  private withdrawAttempt(eventId: string): Promise<void> {
    return this.withdrawAttempts([eventId]);
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

/** A batch holding an event that must be handled on its own: not a failure. */
class NotBatchable extends Error {
  constructor() {
    super('an event of the batch must be handled on its own');
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
