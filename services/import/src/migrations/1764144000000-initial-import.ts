import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eventTablesDown, eventTablesUp } from '@kz/events';

export class InitialImport1764144000000 implements MigrationInterface {
  name = 'InitialImport1764144000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesUp) await q.query(sql);
    await q.query(`CREATE TABLE import_jobs (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      started_by uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('QUEUED', 'VALIDATING', 'RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED')),
      rows_total int NOT NULL DEFAULT 0,
      rows_processed int NOT NULL DEFAULT 0,
      rows_created int NOT NULL DEFAULT 0,
      rows_updated int NOT NULL DEFAULT 0,
      rows_unchanged int NOT NULL DEFAULT 0,
      rows_failed int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX import_jobs_org_created_idx ON import_jobs (org_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_jobs');
    for (const sql of eventTablesDown) await q.query(sql);
  }
}
