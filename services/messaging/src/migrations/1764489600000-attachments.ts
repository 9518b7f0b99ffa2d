import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1764489600000 implements MigrationInterface {
  name = 'Attachments1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE attachments (
      id uuid PRIMARY KEY,
      group_id uuid NOT NULL,
      uploader_id uuid NOT NULL,
      message_id uuid REFERENCES messages(id),
      filename text NOT NULL,
      content_type text NOT NULL,
      size_bytes bigint NOT NULL,
      storage_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX attachments_message_idx ON attachments (message_id) WHERE message_id IS NOT NULL`);
    await q.query(`CREATE INDEX attachments_unattached_idx ON attachments (created_at) WHERE message_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE attachments');
  }
}
