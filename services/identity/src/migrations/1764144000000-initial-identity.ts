import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eventTablesDown, eventTablesUp } from '@kz/events';

export class InitialIdentity1764144000000 implements MigrationInterface {
  name = 'InitialIdentity1764144000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesUp) await q.query(sql);
    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY,
      phone text NOT NULL UNIQUE,
      display_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE sign_in_codes (
      phone text PRIMARY KEY,
      code_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      sent_at timestamptz NOT NULL,
      attempts int NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE TABLE organizations (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      created_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE organization_members (
      org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      role text NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
      network text NOT NULL CHECK (network IN ('EMPLOYEE', 'OTHER')),
      joined_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, user_id)
    )`);
    await q.query(`CREATE INDEX organization_members_user_idx ON organization_members (user_id)`);
    await q.query(`CREATE TABLE signing_keys (
      kid text PRIMARY KEY,
      private_jwk jsonb NOT NULL,
      public_jwk jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      retired_at timestamptz
    )`);
    await q.query(`CREATE TABLE dev_sms_messages (
      id bigserial PRIMARY KEY,
      phone text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX dev_sms_messages_phone_idx ON dev_sms_messages (phone, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dev_sms_messages', 'signing_keys', 'organization_members', 'organizations', 'sign_in_codes', 'users']) {
      await q.query(`DROP TABLE ${table}`);
    }
    for (const sql of eventTablesDown) await q.query(sql);
  }
}
