import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedImportGrants1765612800000 implements MigrationInterface {
  name = 'SealedImportGrants1765612800000';

  async up(q: QueryRunner): Promise<void> {
    // Imports running now held a replayable 6-hour user token: they stop, with a reason, rather than keep it.
    await q.query(`ALTER TABLE import_jobs ADD COLUMN acting_grant text`);
    await q.query(
      `UPDATE import_jobs SET status = 'FAILED', finished_at = now(),
         failure_reason = 'The import service was upgraded while this import ran; start the import again.'
       WHERE status NOT IN ('COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED')`,
    );
    await q.query(`ALTER TABLE import_jobs DROP COLUMN acting_token`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_jobs ADD COLUMN acting_token text`);
    await q.query(`ALTER TABLE import_jobs DROP COLUMN acting_grant`);
  }
}
