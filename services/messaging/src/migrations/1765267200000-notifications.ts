import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People's notifications: mentions, replies to them, groups they were added to, join requests they decide, their
 * finished imports. Read only by their person, newest first: the primary key (user_id, id) is that index (a B-tree
 * read backwards serves id DESC), and a partial index holds the unread ones for the badge and "mark all read".
 */
export class Notifications1765267200000 implements MigrationInterface {
  name = 'Notifications1765267200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications (
      id uuid NOT NULL,
      user_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('MENTION', 'REPLY', 'GROUP_ADDED', 'JOIN_REQUEST', 'IMPORT_FINISHED')),
      group_id uuid,
      message_id uuid,
      actor_id uuid,
      import_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      PRIMARY KEY (user_id, id)
    )`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id, id) WHERE read_at IS NULL`);
    // An import's status events may repeat its final status: its uploader hears of the end once.
    await q.query(`CREATE UNIQUE INDEX notifications_import_finished_idx ON notifications (import_id, user_id) WHERE kind = 'IMPORT_FINISHED'`);
    // A join request goes to the group's admins: found without reading a million members.
    await q.query(`CREATE INDEX group_members_admins_idx ON group_members (group_id, user_id) WHERE role IN ('OWNER', 'ADMIN')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX group_members_admins_idx');
    await q.query('DROP TABLE notifications');
  }
}
