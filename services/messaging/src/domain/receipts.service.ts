import { requireUser, type Caller } from '@kz/auth';
import { badInput } from '@kz/errors';
import { isUuid, prepared, rowsOf } from '@kz/db';
import type { DataSource } from 'typeorm';
import { readerOf, visibleTo } from './message-access';

const NO_MESSAGE_YET = '00000000-0000-0000-0000-000000000000';

/**
 * Person $2's unread count in each group of $1 (capped at $3), with whether they read it at all: a member of it or of
 * a sub-group at any depth (readerOf's rule), so a list of groups costs one statement, not two per group.
 */
const UNREAD_IN_GROUPS = prepared(`WITH RECURSIVE asked AS (
       SELECT DISTINCT unnest($1::uuid[]) AS root),
     tree AS (
       SELECT root, root AS id FROM asked
       UNION
       SELECT t.root, g.id FROM known_groups g JOIN tree t ON g.parent_id = t.id),
     standing AS (
       SELECT a.root,
              coalesce((SELECT role IN ('OWNER', 'ADMIN') FROM group_members WHERE group_id = a.root AND user_id = $2), false) AS admin,
              EXISTS (SELECT 1 FROM tree t JOIN group_members gm ON gm.group_id = t.id WHERE t.root = a.root AND gm.user_id = $2) AS reads
       FROM asked a)
     SELECT s.root AS group_id, s.reads,
            (SELECT count(*)::int FROM (
               SELECT 1 FROM messages m
                WHERE m.group_id = s.root AND m.author_id <> $2 AND m.deleted_at IS NULL AND m.kind <> 'SYSTEM' AND m.imported_from IS NULL
                  AND m.id > coalesce((SELECT last_read_id FROM read_receipts WHERE group_id = s.root AND user_id = $2), '${NO_MESSAGE_YET}')
                  AND ${visibleTo('m', '$2', 's.admin')}
                LIMIT $3) unread) AS n
       FROM standing s`);

/** Unread counts stop here: "999+" is all a badge needs, and counting further would scan. */
export const UNREAD_CAP = 1_000;

/**
 * Read receipts as one pointer per member and group (the last message read),
 * so a million-member group costs a million rows, not a row per member per message.
 */
export class ReceiptsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Moves the caller's read pointer forward to `messageId` (never backwards); answers where it stands and what is left unread. */
  async markRead(caller: Caller, groupId: string, messageId: string): Promise<{ lastReadMessageId: string; unreadCount: number }> {
    const userId = requireUser(caller).userId;
    const { seesAdminReplies } = await readerOf(this.dataSource.manager, caller, groupId);
    const exists =
      isUuid(messageId) && (await this.dataSource.query(`SELECT 1 FROM messages WHERE id = $1 AND group_id = $2`, [messageId, groupId])).length > 0;
    if (!exists) throw badInput('messageId', 'messageId must be a message of this group.');
    const rows = (await this.dataSource.query(
      `INSERT INTO read_receipts (group_id, user_id, last_read_id) VALUES ($1, $2, $3)
       ON CONFLICT (group_id, user_id) DO UPDATE SET last_read_id = greatest(read_receipts.last_read_id, EXCLUDED.last_read_id), updated_at = now()
       RETURNING last_read_id`,
      [groupId, userId, messageId],
    )) as { last_read_id: string }[];
    return { lastReadMessageId: rows[0]!.last_read_id, unreadCount: await this.countUnread(userId, groupId, seesAdminReplies) };
  }

  async lastReadId(userId: string, groupId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT last_read_id FROM read_receipts WHERE group_id = $1 AND user_id = $2`, [groupId, userId])) as {
      last_read_id: string;
    }[];
    return rows[0]?.last_read_id ?? null;
  }

  /** Messages after the caller's pointer that they can see and did not write, up to UNREAD_CAP; system entries (who joined, left...) are not unread. */
  async unreadCount(caller: Caller, groupId: string): Promise<number> {
    const userId = requireUser(caller).userId;
    const { seesAdminReplies } = await readerOf(this.dataSource.manager, caller, groupId);
    return this.countUnread(userId, groupId, seesAdminReplies);
  }

  /**
   * The caller's unread count in each of `groupIds`, in one statement for a person; null where they do not read the
   * group. The same count as unreadCount's.
   */
  async unreadCounts(caller: Caller, groupIds: readonly string[]): Promise<(number | null)[]> {
    if (caller.kind === 'connector') return Promise.all(groupIds.map((id) => this.unreadCount(caller, id).catch(() => null)));
    const userId = requireUser(caller).userId;
    const valid = groupIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await rowsOf<{ group_id: string; reads: boolean; n: number }>(this.dataSource.manager, UNREAD_IN_GROUPS, [valid, userId, UNREAD_CAP]);
    const byGroup = new Map(rows.map((r) => [r.group_id, r.reads ? r.n : null]));
    return groupIds.map((id) => byGroup.get(id) ?? null);
  }

  private async countUnread(userId: string, groupId: string, seesAdminReplies: boolean): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM messages m
          WHERE m.group_id = $1 AND m.author_id <> $2 AND m.deleted_at IS NULL AND m.kind <> 'SYSTEM' AND m.imported_from IS NULL
            AND m.id > coalesce((SELECT last_read_id FROM read_receipts WHERE group_id = $1 AND user_id = $2), '${NO_MESSAGE_YET}')
            AND ${visibleTo('m', '$2', '$3')}
          LIMIT $4) unread`,
      [groupId, userId, seesAdminReplies, UNREAD_CAP],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  /**
   * "Read by N of M" for many messages in one statement: of the group's members other than the author, those whose
   * pointer is at or past the message. The author reading their own message is not news to them.
   */
  async readBy(messageIds: readonly string[]): Promise<({ count: number; of: number } | null)[]> {
    const rows = (await this.dataSource.query(
      `SELECT m.id,
              (SELECT count(*)::int FROM read_receipts r
                WHERE r.group_id = m.group_id AND r.last_read_id >= m.id AND r.user_id <> m.author_id) AS count,
              greatest(coalesce(g.member_count, 0)
                - CASE WHEN EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = m.group_id AND gm.user_id = m.author_id) THEN 1 ELSE 0 END, 0)::int AS "of"
         FROM messages m LEFT JOIN known_groups g ON g.id = m.group_id
        WHERE m.id = ANY($1::uuid[])`,
      [messageIds],
    )) as { id: string; count: number; of: number }[];
    const byId = new Map(rows.map((r) => [r.id, { count: r.count, of: r.of }]));
    return messageIds.map((id) => byId.get(id) ?? null);
  }
}
