import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationExports1766044800000 implements MigrationInterface {
  name = 'OrganizationExports1766044800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE export_jobs (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      started_by uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED')),
      range_from timestamptz,
      range_to timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      expires_at timestamptz,
      records_total bigint NOT NULL DEFAULT 0,
      records_written bigint NOT NULL DEFAULT 0,
      archive_bytes bigint,
      archive_sha256 text,
      failure_reason text
    )`);
    await q.query(`CREATE INDEX export_jobs_org_idx ON export_jobs (org_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX export_jobs_expiry_idx ON export_jobs (expires_at) WHERE status = 'COMPLETED'`);
    // One row per kind of record: how far its file is written, so a worker that takes over an export goes on from there.
    await q.query(`CREATE TABLE export_parts (
      export_id uuid NOT NULL REFERENCES export_jobs(id) ON DELETE CASCADE,
      kind text NOT NULL,
      records_total bigint NOT NULL,
      records_written bigint NOT NULL DEFAULT 0,
      bytes_written bigint NOT NULL DEFAULT 0,
      next_cursor text,
      done boolean NOT NULL DEFAULT false,
      PRIMARY KEY (export_id, kind)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE export_parts`);
    await q.query(`DROP TABLE export_jobs`);
  }
}
