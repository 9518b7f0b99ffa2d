import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GroupRetention1765785600000 implements MigrationInterface {
  name = 'GroupRetention1765785600000';

  async up(q: QueryRunner): Promise<void> {
    // A group's own retention period (null: its organisation's), and a legal hold that suspends deletion in it.
    await q.query(`ALTER TABLE groups
      ADD COLUMN message_retention_days int CHECK (message_retention_days BETWEEN 1 AND 36500),
      ADD COLUMN legal_hold boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE groups DROP COLUMN message_retention_days, DROP COLUMN legal_hold`);
  }
}
