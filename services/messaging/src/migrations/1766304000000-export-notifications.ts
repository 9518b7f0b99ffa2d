import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An export's end is told to the admin who started it: a notification kind that names the export. */
export class ExportNotifications1766304000000 implements MigrationInterface {
  name = 'ExportNotifications1766304000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN export_id uuid`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
         CHECK (kind IN ('MENTION', 'REPLY', 'GROUP_ADDED', 'JOIN_REQUEST', 'IMPORT_FINISHED', 'WEBHOOK_DISABLED', 'EXPORT_FINISHED'))`,
    );
    // An export's final status may be told more than once: its admin hears of the end once.
    await q.query(`CREATE UNIQUE INDEX notifications_export_finished_idx ON notifications (export_id, user_id) WHERE kind = 'EXPORT_FINISHED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'EXPORT_FINISHED'`);
    await q.query(`DROP INDEX notifications_export_finished_idx`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('MENTION', 'REPLY', 'GROUP_ADDED', 'JOIN_REQUEST', 'IMPORT_FINISHED', 'WEBHOOK_DISABLED'))`,
    );
    await q.query(`ALTER TABLE notifications DROP COLUMN export_id`);
  }
}
