import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HierarchyInvitesLargeGroups1764230400000 implements MigrationInterface {
  name = 'HierarchyInvitesLargeGroups1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE groups
      ADD COLUMN avatar_url text,
      ADD COLUMN welcome_message text,
      ADD COLUMN announcement_only boolean NOT NULL DEFAULT false,
      ADD COLUMN deleted_at timestamptz`);
    await q.query(`CREATE INDEX groups_parent_idx ON groups (parent_id) WHERE parent_id IS NOT NULL`);

    // Names and numbers beside each membership: member search in a million-member group is one index range.
    await q.query(`ALTER TABLE known_users ADD COLUMN name_key text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE memberships ADD COLUMN name_key text NOT NULL DEFAULT '', ADD COLUMN phone text NOT NULL DEFAULT ''`);
    await q.query(`UPDATE memberships ms SET phone = k.phone FROM known_users k WHERE k.id = ms.user_id`);
    await q.query(`CREATE INDEX memberships_name_idx ON memberships (group_id, name_key text_pattern_ops, user_id)`);
    await q.query(`CREATE INDEX memberships_phone_idx ON memberships (group_id, phone text_pattern_ops)`);
    await q.query(`CREATE INDEX memberships_admins_idx ON memberships (group_id, seq) WHERE role IN ('OWNER', 'ADMIN')`);

    await q.query(`CREATE TABLE invite_links (
      id uuid PRIMARY KEY,
      group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
      requires_approval boolean NOT NULL,
      expires_at timestamptz,
      max_uses int,
      uses int NOT NULL DEFAULT 0,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX invite_links_group_idx ON invite_links (group_id)`);
    await q.query(`CREATE TABLE join_requests (
      id uuid PRIMARY KEY,
      group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      user_id uuid NOT NULL,
      invite_id uuid NOT NULL REFERENCES invite_links(id),
      status text NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid,
      decided_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX join_requests_pending_idx ON join_requests (group_id, user_id) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE join_requests');
    await q.query('DROP TABLE invite_links');
    await q.query('DROP INDEX memberships_admins_idx');
    await q.query('DROP INDEX memberships_phone_idx');
    await q.query('DROP INDEX memberships_name_idx');
    await q.query('ALTER TABLE memberships DROP COLUMN phone, DROP COLUMN name_key');
    await q.query('ALTER TABLE known_users DROP COLUMN name_key');
    await q.query('DROP INDEX groups_parent_idx');
    await q.query('ALTER TABLE groups DROP COLUMN deleted_at, DROP COLUMN announcement_only, DROP COLUMN welcome_message, DROP COLUMN avatar_url');
  }
}
