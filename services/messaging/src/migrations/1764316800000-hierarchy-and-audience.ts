import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HierarchyAndAudience1764316800000 implements MigrationInterface {
  name = 'HierarchyAndAudience1764316800000';

  async up(q: QueryRunner): Promise<void> {
    // The groups service's hierarchy and posting rules, from its events.
    await q.query(`ALTER TABLE known_groups
      ADD COLUMN parent_id uuid,
      ADD COLUMN kind text NOT NULL DEFAULT 'PRIVATE',
      ADD COLUMN announcement_only boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX known_groups_parent_idx ON known_groups (parent_id) WHERE parent_id IS NOT NULL`);
    // A broadcast subscriber's reply is for the group's admins only.
    await q.query(`ALTER TABLE messages ADD COLUMN audience text NOT NULL DEFAULT 'ALL' CHECK (audience IN ('ALL', 'ADMINS'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE messages DROP COLUMN audience');
    await q.query('DROP INDEX known_groups_parent_idx');
    await q.query('ALTER TABLE known_groups DROP COLUMN announcement_only, DROP COLUMN kind, DROP COLUMN parent_id');
  }
}
