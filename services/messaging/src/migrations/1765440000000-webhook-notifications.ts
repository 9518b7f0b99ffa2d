import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A disabled webhook endpoint is told to its organisation's admins: a notification kind that names the endpoint. */
export class WebhookNotifications1765440000000 implements MigrationInterface {
  name = 'WebhookNotifications1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN webhook_endpoint_id uuid`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('MENTION', 'REPLY', 'GROUP_ADDED', 'JOIN_REQUEST', 'IMPORT_FINISHED', 'WEBHOOK_DISABLED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'WEBHOOK_DISABLED'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('MENTION', 'REPLY', 'GROUP_ADDED', 'JOIN_REQUEST', 'IMPORT_FINISHED'))`,
    );
    await q.query(`ALTER TABLE notifications DROP COLUMN webhook_endpoint_id`);
  }
}
