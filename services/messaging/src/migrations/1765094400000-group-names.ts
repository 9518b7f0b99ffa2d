import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's list of conversations: the groups' names (from the groups service's events, null until the group's
 * created or updated event has arrived), to search it by name, and the memberships by person, to start it without
 * reading every group's members.
 */
export class GroupNames1765094400000 implements MigrationInterface {
  name = 'GroupNames1765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE known_groups ADD COLUMN name text`);
    await q.query(`CREATE INDEX group_members_user_idx ON group_members (user_id, group_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX group_members_user_idx');
    await q.query('ALTER TABLE known_groups DROP COLUMN name');
  }
}
