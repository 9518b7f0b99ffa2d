import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageRetention1765785600000 implements MigrationInterface {
  name = 'MessageRetention1765785600000';

  async up(q: QueryRunner): Promise<void> {
    // Retention as the groups service and identity tell it: a group's own period and legal hold, its organisation's period.
    await q.query(`ALTER TABLE known_groups ADD COLUMN keep_days int, ADD COLUMN legal_hold boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE TABLE org_retention (org_id uuid PRIMARY KEY, keep_days int)`);
    // The oldest messages of a group first, for the deletion job.
    await q.query(`CREATE INDEX messages_age_idx ON messages (group_id, sent_at)`);
    await q.query(`CREATE INDEX notifications_message_idx ON notifications (message_id) WHERE message_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_message_idx`);
    await q.query(`DROP INDEX messages_age_idx`);
    await q.query(`DROP TABLE org_retention`);
    await q.query(`ALTER TABLE known_groups DROP COLUMN keep_days, DROP COLUMN legal_hold`);
  }
}
