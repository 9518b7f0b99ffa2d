import { prepared } from '@kz/db';
import { PublishSpans } from '@kz/telemetry';
import type { Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, QueryRunner } from 'typeorm';
import { producerNeedsReplacing } from './kafka-faults';
import { kafkaTopic } from './catalogue';

export interface OutboxRelayOptions {
  batchSize?: number;
  /**
   * Bytes of envelopes sent in one produce request. Kafka refuses record
   * batches over its message.max.bytes (1 MiB by default), and events of one
   * aggregate share a partition, so a backlog must go out in slices.
   */
  maxBatchBytes?: number;
  /** Fallback poll for rows written by other instances of the service. */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
  /** How long published rows are kept before clean-up. */
  retainPublishedMs?: number;
}

// read_at (the database's clock, as text to keep its microseconds) becomes the rows' published_at.
const READ_PENDING = `SELECT seq, topic, key, envelope::text AS envelope, trace_parent, now()::text AS read_at FROM outbox_events WHERE published_at IS NULL`;
// Losing a mark in a crash only means its rows are published again, which every consumer drops by event id, so the
// relay does not wait for the disk (the setting lasts until the statement's own transaction ends).
const MARK = `UPDATE outbox_events SET published_at = $2::timestamptz WHERE seq = ANY($1::bigint[]) AND set_config('synchronous_commit', 'off', true) = 'off'`;
const PENDING_ROWS = prepared(`${READ_PENDING} ORDER BY seq LIMIT $1`);
const MARK_PUBLISHED = prepared(MARK);
// The marked rows are still unpublished in the statement's snapshot, hence the seq filter.
const MARK_PUBLISHED_AND_READ_PENDING = prepared(`WITH marked AS (${MARK}) ${READ_PENDING} AND seq <> ALL($1::bigint[]) ORDER BY seq LIMIT $3`);
/**
 * How long published rows may wait for the next batch's read to carry their
 * mark: events come closer together than this under load, so a batch costs one
 * statement instead of two; when they stop, the mark follows alone.
 */
const MARK_WAIT_MS = 20;

export interface OutboxRow {
  seq: string;
  topic: string;
  key: string;
  envelope: string;
  /** The traceparent of the action that wrote the row, if it was traced. */
  trace_parent?: string | null;
}

/**
 * Publishes outbox rows to Kafka in commit order, keyed by aggregate id. One
 * relay per database publishes: it holds a session advisory lock on a
 * connection of its own for as long as that connection lives, so several
 * instances of a service never reorder one aggregate's events, and a batch
 * costs two statements (read, mark published) rather than a transaction of
 * five. While Kafka is down the rows wait; nothing is lost and no user write
 * fails.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private nudged = false;
  private failing = false;
  private lastCleanup = 0;
  /** Rows published but not marked yet, and when the relay read them. */
  private unmarked: { seqs: string[]; readAt: string } | null = null;
  /** The connection holding the publishing lock, while this relay is the one that publishes. */
  private leader: QueryRunner | undefined;
  private readonly batchSize: number;
  private readonly maxBatchBytes: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly retainPublishedMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private producer: Producer,
    private readonly namespace: string,
    private readonly logger: Logger,
    options: OutboxRelayOptions = {},
    /** A fresh, connected producer, for when the broker refuses this one's sequence numbers for good. */
    private readonly renewProducer?: () => Promise<Producer>,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.maxBatchBytes = options.maxBatchBytes ?? 800_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.retainPublishedMs = options.retainPublishedMs ?? 24 * 3600_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.markPublished().catch((err: unknown) =>
      this.logger.warn({ err }, 'outbox relay could not mark its last batch; it is published again at the next start'),
    );
    await this.resign();
  }

  /** Publishes everything pending now; used at shutdown and by tests. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      total += n;
      if (n < this.batchSize) break;
    }
    await this.markPublished();
    return total;
  }

  private async run(): Promise<void> {
    let backoff = 100;
    while (this.running) {
      try {
        this.nudged = false;
        const published = await this.publishBatch();
        if (this.failing) {
          this.logger.info('outbox relay recovered');
          this.failing = false;
        }
        backoff = 100;
        await this.cleanupIfDue();
        if (published >= this.batchSize || this.nudged) continue;
        if (this.unmarked) {
          await this.sleep(MARK_WAIT_MS);
          if (this.nudged || !this.running) continue;
          await this.markPublished();
        }
        await this.sleep(this.pollIntervalMs);
      } catch (err) {
        if (!this.failing) this.logger.warn({ err }, 'outbox relay cannot publish; retrying with back-off');
        this.failing = true;
        if (producerNeedsReplacing(err) && this.renewProducer) {
          this.logger.warn({ err }, "the broker refuses this producer's sequence numbers; replacing the producer");
          this.producer = await this.renewProducer().catch(() => this.producer);
        }
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.maxBackoffMs);
      }
    }
  }

  /** The connection holding the publishing lock, taking the lock if no other relay holds it; undefined when one does. */
  private async leadership(): Promise<QueryRunner | undefined> {
    if (this.leader) return this.leader;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let locked = false;
    try {
      const [row] = (await runner.query(`SELECT pg_try_advisory_lock(hashtext('kz.outbox-relay')) AS locked`)) as { locked: boolean }[];
      locked = Boolean(row?.locked);
    } finally {
      if (!locked) await runner.release();
    }
    if (locked) this.leader = runner;
    return this.leader;
  }

  /** Gives the lock back (the connection returns to the pool, so it must not keep it); a broken connection lost it already. */
  private async resign(): Promise<void> {
    const runner = this.leader;
    this.leader = undefined;
    if (!runner) return;
    await runner.query(`SELECT pg_advisory_unlock(hashtext('kz.outbox-relay'))`).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  private async publishBatch(): Promise<number> {
    const runner = await this.leadership();
    if (!runner) return 0;
    try {
      const marks = this.unmarked;
      this.unmarked = null;
      const pending = (
        marks
          ? await runner.query(MARK_PUBLISHED_AND_READ_PENDING, [marks.seqs, marks.readAt, this.batchSize])
          : await runner.query(PENDING_ROWS, [this.batchSize])
      ) as (OutboxRow & { read_at: string })[];
      if (pending.length === 0) return 0;
      const rows = fitting(pending, this.maxBatchBytes);
      const spans = new PublishSpans();
      const byTopic = new Map<string, { key: string; value: string; headers?: Record<string, string> }[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.key, value: row.envelope, headers: spans.headersFor(row.topic, row.trace_parent ?? null) });
        byTopic.set(row.topic, messages);
      }
      try {
        await this.producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic: kafkaTopic(this.namespace, topic), messages })),
        });
        spans.end();
      } catch (err) {
        spans.end(err);
        throw err;
      }
      this.unmarked = { seqs: rows.map((r) => r.seq), readAt: pending[0]!.read_at };
      // A full slice means more may be waiting: the run loop comes straight back.
      return rows.length === pending.length ? rows.length : this.batchSize;
    } catch (err) {
      // The connection may be gone (and the lock with it); the next batch takes the lock again, here or elsewhere.
      await this.resign();
      throw err;
    }
  }

  /** Marks the rows published last, when no next read carried the mark. */
  private async markPublished(): Promise<void> {
    const marks = this.unmarked;
    if (!marks || !this.leader) return;
    this.unmarked = null;
    await this.leader.query(MARK_PUBLISHED, [marks.seqs, marks.readAt]);
  }

  private async cleanupIfDue(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    await this.dataSource.query(`DELETE FROM outbox_events WHERE published_at < now() - make_interval(secs => $1)`, [this.retainPublishedMs / 1000]);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}

/** The oldest rows whose envelopes fit in `maxBytes` together (always at least one). */
export function fitting(rows: readonly OutboxRow[], maxBytes: number): OutboxRow[] {
  let bytes = 0;
  let count = 0;
  for (const row of rows) {
    bytes += Buffer.byteLength(row.envelope) + Buffer.byteLength(row.key);
    if (count > 0 && bytes > maxBytes) break;
    count++;
  }
  return rows.slice(0, count);
}
