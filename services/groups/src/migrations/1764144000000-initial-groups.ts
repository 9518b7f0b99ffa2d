import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eventTablesDown, eventTablesUp } from '@kz/events';

export class InitialGroups1764144000000 implements MigrationInterface {
  name = 'InitialGroups1764144000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesUp) await q.query(sql);
    await q.query(`CREATE TABLE groups (
      id uuid PRIMARY KEY,
      org_id uuid,
      parent_id uuid REFERENCES groups(id),
      name text NOT NULL,
      description text,
      kind text NOT NULL CHECK (kind IN ('PRIVATE', 'ORGANIZATION', 'BROADCAST')),
      member_count int NOT NULL DEFAULT 0,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX groups_org_idx ON groups (org_id) WHERE org_id IS NOT NULL`);
    await q.query(`CREATE TABLE memberships (
      group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      user_id uuid NOT NULL,
      role text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
      seq bigserial NOT NULL,
      joined_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (group_id, user_id)
    )`);
    await q.query(`CREATE UNIQUE INDEX memberships_group_seq_idx ON memberships (group_id, seq)`);
    await q.query(`CREATE UNIQUE INDEX memberships_user_seq_idx ON memberships (user_id, seq)`);
    await q.query(`CREATE TABLE pending_memberships (
      group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      phone text NOT NULL,
      role text NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
      invited_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (group_id, phone)
    )`);
    await q.query(`CREATE INDEX pending_memberships_phone_idx ON pending_memberships (phone)`);
    await q.query(`CREATE TABLE known_users (id uuid PRIMARY KEY, phone text NOT NULL UNIQUE)`);
    await q.query(`CREATE TABLE org_members (
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      role text NOT NULL,
      PRIMARY KEY (org_id, user_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['org_members', 'known_users', 'pending_memberships', 'memberships', 'groups']) await q.query(`DROP TABLE ${table}`);
    for (const sql of eventTablesDown) await q.query(sql);
  }
}
