import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C traceparent of the action that wrote an outbox row, so that the
 * relay publishes the event within that action's trace (Kafka headers) however
 * much later it runs. Null when tracing is off or the action was not traced.
 * The same migration for every service.
 */
export class OutboxTraceParent1766390400000 implements MigrationInterface {
  name = 'OutboxTraceParent1766390400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events ADD COLUMN trace_parent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_events DROP COLUMN trace_parent`);
  }
}
