import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member search as index ranges: with the "C" collation a prefix is a plain
 * range (prefix ≤ key < prefix || U+10FFFF) that PostgreSQL answers from the
 * index even in generic plans, and the index order is the result order.
 */
export class ByteOrderSearchKeys1764489600000 implements MigrationInterface {
  name = 'ByteOrderSearchKeys1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX memberships_name_idx');
    await q.query('DROP INDEX memberships_phone_idx');
    await q.query(`ALTER TABLE memberships ALTER COLUMN name_key TYPE text COLLATE "C", ALTER COLUMN phone TYPE text COLLATE "C"`);
    await q.query(`CREATE INDEX memberships_name_idx ON memberships (group_id, name_key, user_id)`);
    await q.query(`CREATE INDEX memberships_phone_idx ON memberships (group_id, phone)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX memberships_name_idx');
    await q.query('DROP INDEX memberships_phone_idx');
    await q.query(`ALTER TABLE memberships ALTER COLUMN name_key TYPE text COLLATE "default", ALTER COLUMN phone TYPE text COLLATE "default"`);
    await q.query(`CREATE INDEX memberships_name_idx ON memberships (group_id, name_key text_pattern_ops, user_id)`);
    await q.query(`CREATE INDEX memberships_phone_idx ON memberships (group_id, phone text_pattern_ops)`);
  }
}
