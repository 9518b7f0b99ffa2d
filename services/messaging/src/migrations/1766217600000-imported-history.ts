import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportedHistory1766217600000 implements MigrationInterface {
  name = 'ImportedHistory1766217600000';

  async up(q: QueryRunner): Promise<void> {
    // Messages brought over from another app's export: the import that wrote them, and their author as the export named them.
    await q.query(`ALTER TABLE messages ADD COLUMN imported_from uuid, ADD COLUMN original_author text,
      ADD COLUMN placeholder_author boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP COLUMN placeholder_author, DROP COLUMN original_author, DROP COLUMN imported_from`);
  }
}
