import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People removed from an organisation (or who left it), until they are added to its directory again: its groups'
 * invite links and join requests refuse them, and a phone invitation to its groups waiting for their sign-up is not
 * turned into a membership (identity's events of a sign-up and of a removal travel on different topics, unordered).
 */
export class OrgRemovals1765526400000 implements MigrationInterface {
  name = 'OrgRemovals1765526400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE org_removals (
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      removed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, user_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE org_removals');
  }
}
