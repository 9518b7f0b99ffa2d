import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each message carries the position of its latest change (sent, edited,
 * deleted, poll answered) in a sequence, so a subscriber that lost its
 * connection can ask for every change after the last one it saw.
 */
export class MessageChanges1764576000000 implements MigrationInterface {
  name = 'MessageChanges1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE message_change_seq`);
    await q.query(`ALTER TABLE messages
      ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('message_change_seq'),
      ADD COLUMN change_kind text NOT NULL DEFAULT 'SENT'`);
    await q.query(`UPDATE messages SET change_kind = CASE WHEN deleted_at IS NOT NULL THEN 'DELETED' ELSE 'EDITED' END
                   WHERE deleted_at IS NOT NULL OR edited_at IS NOT NULL`);
    await q.query(`CREATE INDEX messages_changes_idx ON messages (group_id, change_seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX messages_changes_idx');
    await q.query('ALTER TABLE messages DROP COLUMN change_kind, DROP COLUMN change_seq');
    await q.query('DROP SEQUENCE message_change_seq');
  }
}
