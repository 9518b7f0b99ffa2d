import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnownGroups1764230400000 implements MigrationInterface {
  name = 'KnownGroups1764230400000';

  async up(q: QueryRunner): Promise<void> {
    // Which organisation owns a group, from the groups service's events: connectors read only their organisation's groups.
    await q.query(`CREATE TABLE known_groups (id uuid PRIMARY KEY, org_id uuid)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE known_groups');
  }
}
