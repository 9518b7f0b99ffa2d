import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-up names the memberships a person got while known only by number
 * (name_key ''). Those are few; without this index each sign-up batch scanned
 * every membership to find them, which made bulk imports slow down as the
 * table grew.
 */
export class UnnamedMembersIndex1764835200000 implements MigrationInterface {
  name = 'UnnamedMembersIndex1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX memberships_unnamed_idx ON memberships (user_id) WHERE name_key = ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX memberships_unnamed_idx');
  }
}
