import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a member CSV import needs: its settings and progress on the job row,
 * one row per finished chunk (the idempotency record of the workers), and the
 * failed rows that make up the error report.
 */
export class MemberCsvImports1764748800000 implements MigrationInterface {
  name = 'MemberCsvImports1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_jobs
      ADD COLUMN mode text NOT NULL DEFAULT 'APPLY' CHECK (mode IN ('DRY_RUN', 'APPLY')),
      ADD COLUMN existing_users text NOT NULL DEFAULT 'SKIP' CHECK (existing_users IN ('SKIP', 'UPDATE')),
      ADD COLUMN default_country text NOT NULL DEFAULT 'US',
      ADD COLUMN group_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN acting_token text,
      ADD COLUMN file_name text,
      ADD COLUMN file_header text[],
      ADD COLUMN file_bytes bigint,
      ADD COLUMN chunk_count int NOT NULL DEFAULT 0,
      ADD COLUMN chunks_done int NOT NULL DEFAULT 0,
      ADD COLUMN processing_started_at timestamptz,
      ADD COLUMN finished_at timestamptz,
      ADD COLUMN failure_reason text`);
    await q.query(`CREATE TABLE import_chunks (
      import_id uuid NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
      chunk int NOT NULL,
      rows_created int NOT NULL,
      rows_updated int NOT NULL,
      rows_unchanged int NOT NULL,
      rows_failed int NOT NULL,
      finished_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (import_id, chunk)
    )`);
    await q.query(`CREATE TABLE import_row_errors (
      import_id uuid NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
      row_number int NOT NULL,
      row_values jsonb NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (import_id, row_number)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_row_errors');
    await q.query('DROP TABLE import_chunks');
    await q.query(`ALTER TABLE import_jobs DROP COLUMN mode, DROP COLUMN existing_users, DROP COLUMN default_country, DROP COLUMN group_ids,
      DROP COLUMN acting_token, DROP COLUMN file_name, DROP COLUMN file_header, DROP COLUMN file_bytes, DROP COLUMN chunk_count, DROP COLUMN chunks_done,
      DROP COLUMN processing_started_at, DROP COLUMN finished_at, DROP COLUMN failure_reason`);
  }
}
