import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportGrants1765612800000 implements MigrationInterface {
  name = 'ImportGrants1765612800000';

  async up(q: QueryRunner): Promise<void> {
    // What an import acts with: its secret kept only as a digest, so this table cannot be replayed either.
    await q.query(`CREATE TABLE import_grants (
      import_id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      admin_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      secret_sha256 bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ended_at timestamptz
    )`);
    await q.query(`CREATE INDEX import_grants_expires_idx ON import_grants (expires_at) WHERE ended_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_grants`);
  }
}
