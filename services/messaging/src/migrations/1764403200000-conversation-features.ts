import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConversationFeatures1764403200000 implements MigrationInterface {
  name = 'ConversationFeatures1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages
      ADD COLUMN kind text NOT NULL DEFAULT 'TEXT' CHECK (kind IN ('TEXT', 'ANNOUNCEMENT', 'POLL')),
      ADD COLUMN reply_to_id uuid,
      ADD COLUMN mentions uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN edited_at timestamptz,
      ADD COLUMN deleted_at timestamptz,
      ADD COLUMN deleted_by uuid,
      ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED`);
    await q.query(`CREATE INDEX messages_search_idx ON messages USING gin (search)`);

    // One pointer per member and group: receipts never cost a row per member per message.
    await q.query(`CREATE TABLE read_receipts (
      group_id uuid NOT NULL,
      user_id uuid NOT NULL,
      last_read_id uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (group_id, user_id)
    )`);
    await q.query(`CREATE INDEX read_receipts_progress_idx ON read_receipts (group_id, last_read_id)`);
    await q.query(`ALTER TABLE known_groups ADD COLUMN member_count int NOT NULL DEFAULT 0`);
    await q.query(`UPDATE known_groups k SET member_count = (SELECT count(*) FROM group_members m WHERE m.group_id = k.id)`);

    await q.query(`CREATE TABLE polls (
      message_id uuid PRIMARY KEY REFERENCES messages(id),
      question text NOT NULL,
      options text[] NOT NULL,
      multiple_choice boolean NOT NULL,
      deadline timestamptz,
      results_visible_to text NOT NULL CHECK (results_visible_to IN ('EVERYONE', 'ADMINS')),
      -- Maintained with each vote, so results never scan the votes.
      option_counts int[] NOT NULL,
      voters int NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE TABLE poll_votes (
      message_id uuid NOT NULL REFERENCES polls(message_id),
      user_id uuid NOT NULL,
      option_indexes int[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (message_id, user_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE poll_votes');
    await q.query('DROP TABLE polls');
    await q.query('ALTER TABLE known_groups DROP COLUMN member_count');
    await q.query('DROP TABLE read_receipts');
    await q.query('DROP INDEX messages_search_idx');
    await q.query(`ALTER TABLE messages DROP COLUMN search, DROP COLUMN deleted_by, DROP COLUMN deleted_at, DROP COLUMN edited_at,
      DROP COLUMN mentions, DROP COLUMN reply_to_id, DROP COLUMN kind`);
  }
}
