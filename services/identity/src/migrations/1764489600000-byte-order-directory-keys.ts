import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directory search as index ranges: with the "C" collation a prefix is a plain
 * range that PostgreSQL answers from the index even in generic plans, and the
 * index order is the directory's order.
 */
export class ByteOrderDirectoryKeys1764489600000 implements MigrationInterface {
  name = 'ByteOrderDirectoryKeys1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX organization_members_name_idx');
    await q.query('DROP INDEX organization_members_phone_idx');
    await q.query(`ALTER TABLE organization_members ALTER COLUMN name_key TYPE text COLLATE "C", ALTER COLUMN phone TYPE text COLLATE "C"`);
    await q.query(`CREATE INDEX organization_members_name_idx ON organization_members (org_id, name_key, user_id)`);
    await q.query(`CREATE INDEX organization_members_phone_idx ON organization_members (org_id, phone)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX organization_members_name_idx');
    await q.query('DROP INDEX organization_members_phone_idx');
    await q.query(`ALTER TABLE organization_members ALTER COLUMN name_key TYPE text COLLATE "default", ALTER COLUMN phone TYPE text COLLATE "default"`);
    await q.query(`CREATE INDEX organization_members_name_idx ON organization_members (org_id, name_key text_pattern_ops, user_id)`);
    await q.query(`CREATE INDEX organization_members_phone_idx ON organization_members (org_id, phone text_pattern_ops)`);
  }
}
