import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * System entries in a group's history: people added, joined, removed or left, roles changed, the group renamed,
 * sub-groups attached or detached. A message of kind SYSTEM with what happened as structured data (system_event),
 * never as text: its text is empty, so it never matches a search. The constraints keep the two together.
 */
export class SystemEvents1765353600000 implements MigrationInterface {
  name = 'SystemEvents1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN system_event jsonb`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check`);
    // Checked without holding the table's lock while a large history is read (NOT VALID, then VALIDATE).
    await q.query(`ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN ('TEXT', 'ANNOUNCEMENT', 'POLL', 'SYSTEM')) NOT VALID`);
    await q.query(`ALTER TABLE messages VALIDATE CONSTRAINT messages_kind_check`);
    await q.query(`ALTER TABLE messages ADD CONSTRAINT messages_system_event_check
      CHECK ((kind = 'SYSTEM') = (system_event IS NOT NULL) AND (kind <> 'SYSTEM' OR (text = '' AND reply_to_id IS NULL))) NOT VALID`);
    await q.query(`ALTER TABLE messages VALIDATE CONSTRAINT messages_system_event_check`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM messages WHERE kind = 'SYSTEM'`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_system_event_check`);
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_kind_check`);
    await q.query(`ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN ('TEXT', 'ANNOUNCEMENT', 'POLL'))`);
    await q.query(`ALTER TABLE messages DROP COLUMN system_event`);
  }
}
