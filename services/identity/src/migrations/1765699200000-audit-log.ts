import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1765699200000 implements MigrationInterface {
  name = 'AuditLog1765699200000';

  async up(q: QueryRunner): Promise<void> {
    // Each organisation's entries are numbered 1, 2, 3… and chained: hash = SHA-256(previous hash, the entry).
    await q.query(`CREATE TABLE audit_entries (
      org_id uuid NOT NULL,
      seq bigint NOT NULL,
      id uuid NOT NULL UNIQUE,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      action text NOT NULL,
      actor_kind text NOT NULL,
      actor_id text,
      via text,
      client_address text,
      target_type text NOT NULL,
      target_id text NOT NULL,
      target_name text,
      before jsonb,
      after jsonb,
      count int,
      prev_hash bytea NOT NULL,
      hash bytea NOT NULL,
      PRIMARY KEY (org_id, seq)
    )`);
    await q.query(`CREATE INDEX audit_entries_actor_idx ON audit_entries (org_id, actor_id, seq)`);
    await q.query(`CREATE INDEX audit_entries_target_idx ON audit_entries (org_id, target_id, seq)`);
    await q.query(`CREATE INDEX audit_entries_action_idx ON audit_entries (org_id, action text_pattern_ops, seq)`);
    await q.query(`CREATE INDEX audit_entries_time_idx ON audit_entries (org_id, occurred_at)`);
    // The head of each chain, so an entry removed from the end is noticed too.
    await q.query(`CREATE TABLE audit_chains (org_id uuid PRIMARY KEY, last_seq bigint NOT NULL, last_hash bytea NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_chains`);
    await q.query(`DROP TABLE audit_entries`);
  }
}
