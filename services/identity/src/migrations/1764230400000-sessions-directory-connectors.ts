import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsDirectoryConnectors1764230400000 implements MigrationInterface {
  name = 'SessionsDirectoryConnectors1764230400000';

  async up(q: QueryRunner): Promise<void> {
    // People an admin adds to a directory exist before they first sign in.
    await q.query(`ALTER TABLE users ADD COLUMN signed_up_at timestamptz`);
    await q.query(`UPDATE users SET signed_up_at = created_at`);

    await q.query(`CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY,
      family_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    await q.query(`CREATE TABLE rate_limit_counters (
      bucket text NOT NULL,
      window_start timestamptz NOT NULL,
      hits int NOT NULL,
      PRIMARY KEY (bucket, window_start)
    )`);

    // The directory is paged and searched per organisation, so name and phone live beside the membership.
    await q.query(`ALTER TABLE organization_members
      ADD COLUMN name_key text NOT NULL DEFAULT '',
      ADD COLUMN phone text NOT NULL DEFAULT '',
      ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`UPDATE organization_members m SET name_key = lower(u.display_name), phone = u.phone FROM users u WHERE u.id = m.user_id`);
    await q.query(`CREATE INDEX organization_members_name_idx ON organization_members (org_id, name_key text_pattern_ops, user_id)`);
    await q.query(`CREATE INDEX organization_members_phone_idx ON organization_members (org_id, phone text_pattern_ops)`);

    await q.query(`CREATE TABLE attribute_definitions (
      org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      key text NOT NULL,
      name text NOT NULL,
      type text NOT NULL CHECK (type IN ('STRING', 'NUMBER', 'BOOLEAN', 'DATE')),
      mandatory boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, key)
    )`);

    await q.query(`CREATE TABLE connectors (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      name text NOT NULL,
      client_id text NOT NULL UNIQUE,
      secret_hash text NOT NULL,
      permissions text[] NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      secret_rotated_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX connectors_org_idx ON connectors (org_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE connectors');
    await q.query('DROP TABLE attribute_definitions');
    await q.query('DROP INDEX organization_members_phone_idx');
    await q.query('DROP INDEX organization_members_name_idx');
    await q.query('ALTER TABLE organization_members DROP COLUMN attributes, DROP COLUMN phone, DROP COLUMN name_key');
    await q.query('DROP TABLE rate_limit_counters');
    await q.query('DROP TABLE refresh_tokens');
    await q.query('ALTER TABLE users DROP COLUMN signed_up_at');
  }
}
