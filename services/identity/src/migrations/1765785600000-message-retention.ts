import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageRetention1765785600000 implements MigrationInterface {
  name = 'MessageRetention1765785600000';

  async up(q: QueryRunner): Promise<void> {
    // Days the organisation's messages are kept; null keeps them for ever (the default).
    await q.query(`ALTER TABLE organizations ADD COLUMN message_retention_days int CHECK (message_retention_days BETWEEN 1 AND 36500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations DROP COLUMN message_retention_days`);
  }
}
