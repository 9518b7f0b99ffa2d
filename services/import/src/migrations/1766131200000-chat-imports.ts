import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChatImports1766131200000 implements MigrationInterface {
  name = 'ChatImports1766131200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_jobs ADD COLUMN kind text NOT NULL DEFAULT 'MEMBERS' CHECK (kind IN ('MEMBERS', 'CHAT'))`);
    // What only a chat import has: where its history goes, how its file's times are read, and what the file holds.
    await q.query(`CREATE TABLE chat_imports (
      import_id uuid PRIMARY KEY REFERENCES import_jobs(id) ON DELETE CASCADE,
      group_id uuid,
      new_group_name text,
      date_order text CHECK (date_order IN ('DAY_FIRST', 'MONTH_FIRST')),
      time_zone text NOT NULL,
      file_kind text CHECK (file_kind IN ('TEXT', 'ZIP')),
      file_sha256 text,
      preview jsonb,
      -- An applied import: the preview whose file it writes, each author's person (null: a placeholder), how far it got.
      source_import_id uuid REFERENCES import_jobs(id),
      author_map jsonb,
      add_authors_as_members boolean NOT NULL DEFAULT false,
      entries_done int NOT NULL DEFAULT 0
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chat_imports`);
    await q.query(`ALTER TABLE import_jobs DROP COLUMN kind`);
  }
}
