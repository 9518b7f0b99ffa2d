import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eventTablesDown, eventTablesUp } from '@kz/events';

export class InitialMessaging1764144000000 implements MigrationInterface {
  name = 'InitialMessaging1764144000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesUp) await q.query(sql);
    await q.query(`CREATE TABLE messages (
      id uuid PRIMARY KEY,
      group_id uuid NOT NULL,
      author_id uuid NOT NULL,
      text text NOT NULL,
      idempotency_key text,
      sent_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX messages_group_id_idx ON messages (group_id, id)`);
    await q.query(`CREATE UNIQUE INDEX messages_idempotency_idx ON messages (author_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE TABLE group_members (
      group_id uuid NOT NULL,
      user_id uuid NOT NULL,
      role text NOT NULL,
      PRIMARY KEY (group_id, user_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE group_members');
    await q.query('DROP TABLE messages');
    for (const sql of eventTablesDown) await q.query(sql);
  }
}
