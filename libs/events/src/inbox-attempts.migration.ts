import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each event's handling attempts, recorded in their own committed statement
 * before the handler's transaction starts. An attempt that started but never
 * finished means the process died inside the handler; counting those in memory
 * would retry such an event forever, so the count lives here and the inbox
 * parks the event once its attempts are used up. The same migration for every
 * service that consumes events.
 */
export class InboxEventAttempts1765008000000 implements MigrationInterface {
  name = 'InboxEventAttempts1765008000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inbox_event_attempts (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      started_attempts int NOT NULL,
      finished_attempts int NOT NULL DEFAULT 0,
      last_started_at timestamptz NOT NULL DEFAULT now(),
      parked_at timestamptz,
      PRIMARY KEY (consumer, event_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox_event_attempts');
  }
}
