import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SigningKeyActivation1764316800000 implements MigrationInterface {
  name = 'SigningKeyActivation1764316800000';

  async up(q: QueryRunner): Promise<void> {
    // A new key is published before it signs, so verifiers' cached key sets can pick it up first.
    await q.query(`ALTER TABLE signing_keys ADD COLUMN activates_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE signing_keys SET activates_at = created_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE signing_keys DROP COLUMN activates_at');
  }
}
