import { prepared } from '@kz/db';
import { currentTraceParent } from '@kz/telemetry';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from './envelope';
import { topicOf } from './catalogue';

export type EmitEvents = (events: EventEnvelope | readonly EventEnvelope[]) => void;

/**
 * Writes events in the same transaction as the change they describe. After the
 * commit it wakes the relay, so publishing waits for no poll interval.
 */
export class Outbox {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly dataSource: DataSource) {}

  onWritten(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Wakes the relay after a commit that wrote outbox rows outside transaction() (outboxRowParams in the same statement). */
  written(): void {
    for (const listener of this.listeners) listener();
  }

  async transaction<R>(work: (manager: EntityManager, emit: EmitEvents) => Promise<R>): Promise<R> {
    const pending: EventEnvelope[] = [];
    const emit: EmitEvents = (events) => {
      if (Array.isArray(events)) pending.push(...(events as readonly EventEnvelope[]));
      else pending.push(events as EventEnvelope);
    };
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager, emit);
      await insertOutboxRows(manager, pending);
      return value;
    });
    if (pending.length > 0) this.written();
    return result;
  }
}

/**
 * An event's outbox row as the parameters (id, topic, key, envelope JSON, trace
 * parent) of `INSERT INTO outbox_events (id, topic, key, envelope, trace_parent)`,
 * for a statement that writes a change and its event at once, with no
 * transaction around it.
 */
export function outboxRowParams(event: EventEnvelope): [string, string, string, string, string | null] {
  return [event.id, topicOf(event.type), event.key, JSON.stringify(event), currentTraceParent()];
}

// The rows share the writing action's trace parent (the relay publishes them within its trace).
const INSERT_OUTBOX_ROWS = prepared(
  `INSERT INTO outbox_events (id, topic, key, envelope, trace_parent) SELECT *, $5::text FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])`,
);

export async function insertOutboxRows(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(INSERT_OUTBOX_ROWS, [
    events.map((e) => e.id),
    events.map((e) => topicOf(e.type)),
    events.map((e) => e.key),
    events.map((e) => JSON.stringify(e)),
    currentTraceParent(),
  ]);
}
