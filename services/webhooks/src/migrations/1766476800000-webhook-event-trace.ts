import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C traceparent of the consumer span that took an event in, so that each of its deliveries, however much later
 * and in whichever job it is sent, joins the trace of the action that caused the event. Null when not traced.
 */
export class WebhookEventTraceParent1766476800000 implements MigrationInterface {
  name = 'WebhookEventTraceParent1766476800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_events ADD COLUMN trace_parent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_events DROP COLUMN trace_parent`);
  }
}
