import { connectorMay, requireUser, type Caller } from '@kz/auth';
import { DomainError, notFound } from '@kz/errors';
import { isUuid, prepared, rowsOf } from '@kz/db';
import type { EntityManager } from 'typeorm';
import { KnownGroupEntity } from '../entities/known-group.entity';
import type { MessageEntity } from '../entities/message.entity';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from './message-rows';

export interface Reader {
  /** Admins (and connectors) see replies meant for admins; others see their own. */
  seesAdminReplies: boolean;
  userId: string | null;
}

export interface Poster {
  /** The author's id: the person's, or the connector's (identity names it as a User of kind CONNECTOR). */
  authorId: string;
  admin: boolean;
  /** The group's posting rules; null until the groups service's event about the group itself has arrived. */
  group: Pick<KnownGroupEntity, 'orgId' | 'kind' | 'announcementOnly'> | null;
}

/**
 * Who sees a message, as an SQL condition: everyone when its audience is ALL;
 * a reply meant for admins (a broadcast subscriber's) only its author and the
 * readers for whom `readerSeesAdminReplies` holds. `message` is the alias of
 * the messages row ('' when unqualified); the other two are SQL expressions.
 */
export function visibleTo(message: string, reader: string, readerSeesAdminReplies: string): string {
  const column = (name: string) => (message ? `${message}.${name}` : name);
  return `(${readerSeesAdminReplies} OR ${column('audience')} = 'ALL' OR ${column('author_id')} = ${reader})`;
}

/** The poster's role and the group's posting rules. */
const POSTER_STANDING = prepared(`SELECT gm.role, g.id IS NOT NULL AS known, g.org_id, g.kind, g.announcement_only
         FROM group_members gm LEFT JOIN known_groups g ON g.id = gm.group_id
         WHERE gm.group_id = $1 AND gm.user_id = $2`);

/** `standing`: person $2's role in group $1, and whether they read it (a member of it or of a sub-group at any depth). */
const STANDING = `WITH RECURSIVE tree AS (
       SELECT $1::uuid AS id
       UNION
       SELECT g.id FROM known_groups g JOIN tree t ON g.parent_id = t.id),
     standing AS (
       SELECT (SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2) AS role,
              EXISTS (SELECT 1 FROM group_members gm JOIN tree t ON gm.group_id = t.id WHERE gm.user_id = $2) AS reads)`;

const READER = prepared(`${STANDING} SELECT role, reads FROM standing`);

/** Messages by id with their readers' standing (READER for each group concerned), filtered by it. */
const READABLE_MESSAGES = prepared(`WITH RECURSIVE found AS (
       SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ANY($1::uuid[])),
     tree AS (
       SELECT DISTINCT group_id AS root, group_id AS id FROM found
       UNION
       SELECT t.root, g.id FROM known_groups g JOIN tree t ON g.parent_id = t.id),
     readers AS (
       SELECT r.root,
              (SELECT role FROM group_members WHERE group_id = r.root AND user_id = $2) AS role,
              EXISTS (SELECT 1 FROM tree t JOIN group_members gm ON gm.group_id = t.id WHERE t.root = r.root AND gm.user_id = $2) AS reads
       FROM (SELECT DISTINCT group_id AS root FROM found) r)
     SELECT f.* FROM found f JOIN readers r ON r.root = f.group_id
     WHERE r.reads AND ${visibleTo('f', '$2', "r.role IN ('OWNER', 'ADMIN')")}`);

export const isAdminRole = (role: string | null | undefined) => role === 'OWNER' || role === 'ADMIN';

/**
 * The sender's standing, with the group's posting rules: a member of the group; or a connector granted POST_MESSAGES
 * in the group's organisation, which posts with an admin's rights (announcements, announcement-only and broadcast
 * groups), as the organisation's own integration.
 */
export async function posterIn(m: EntityManager, caller: Caller, groupId: string): Promise<Poster> {
  if (caller.kind === 'connector') {
    const group = isUuid(groupId) ? await m.getRepository(KnownGroupEntity).findOneBy({ id: groupId }) : null;
    if (!group || group.orgId !== caller.orgId) throw notFound('Group');
    if (!connectorMay(caller, group.orgId, 'POST_MESSAGES')) {
      throw new DomainError('FORBIDDEN', 'This connector was not granted POST_MESSAGES; an organisation admin can grant it.');
    }
    return { authorId: caller.connectorId, admin: true, group };
  }
  const userId = requireUser(caller).userId;
  const [row] = isUuid(groupId)
    ? await rowsOf<{ role: string; known: boolean; org_id: string | null; kind: KnownGroupEntity['kind']; announcement_only: boolean }>(m, POSTER_STANDING, [
        groupId,
        userId,
      ])
    : [];
  if (!row) throw notFound('Group');
  return {
    authorId: userId,
    admin: isAdminRole(row.role),
    group: row.known ? { orgId: row.org_id, kind: row.kind, announcementOnly: row.announcement_only } : null,
  };
}

/**
 * Who reads a group's history: its members and the members of its sub-groups
 * at any depth (a parent's messages reach them), and a connector granted
 * MESSAGES in the group's organisation.
 */
export async function readerOf(m: EntityManager, caller: Caller, groupId: string): Promise<Reader> {
  if (!isUuid(groupId)) throw notFound('Group');
  if (caller.kind === 'connector') {
    const group = await m.getRepository(KnownGroupEntity).findOneBy({ id: groupId });
    if (!group || group.orgId !== caller.orgId) throw notFound('Group');
    if (!connectorMay(caller, group.orgId, 'MESSAGES')) throw new DomainError('FORBIDDEN', 'This connector was not granted messages.');
    return { seesAdminReplies: true, userId: null };
  }
  const userId = requireUser(caller).userId;
  const rows = await rowsOf<{ role: string | null; reads: boolean }>(m, READER, [groupId, userId]);
  if (!rows[0]?.reads) throw notFound('Group');
  return { seesAdminReplies: isAdminRole(rows[0].role), userId };
}

/** Person `userId`'s standing in group `groupId`: an admin of it, and whether they read it (a member of it or of a sub-group at any depth). */
export async function standingIn(m: EntityManager, userId: string, groupId: string): Promise<{ admin: boolean; reads: boolean }> {
  const [row] = await rowsOf<{ role: string | null; reads: boolean }>(m, READER, [groupId, userId]);
  return { admin: isAdminRole(row?.role), reads: row?.reads ?? false };
}

/** A history page's side of a message: after it, from it on, or before it. */
export type PageBound = { op: '>' | '>=' | '<'; id: string };

/**
 * Up to `limit` messages of a group that the caller may see, in id order from
 * `bound`, or from the group's start (ASC) or end (DESC); NOT_FOUND for a
 * caller who does not read the group (the rules of readerOf). A person's
 * standing is checked in the same statement as the page, so a scroll costs one
 * round trip; a connector's grant is checked first, apart. The text depends
 * only on the page's shape (order, bound), so each shape is prepared once per
 * connection.
 */
export async function readablePage(
  m: EntityManager,
  caller: Caller,
  groupId: string,
  order: 'ASC' | 'DESC',
  bound: PageBound | null,
  limit: number,
): Promise<MessageEntity[]> {
  if (!isUuid(groupId)) throw notFound('Group');
  const connector = caller.kind === 'connector';
  if (connector) await readerOf(m, caller, groupId);
  const params: unknown[] = [groupId, connector ? null : requireUser(caller).userId, connector, limit];
  const from = bound === null ? '' : `AND id ${bound.op} $${params.push(bound.id)}`;
  // The reader's row comes back even for an empty page (its messages' columns null); no row at all means no access.
  const rows = await rowsOf<MessageRow | { id: null }>(
    m,
    prepared(`${STANDING}
     SELECT p.* FROM standing s LEFT JOIN LATERAL (
       SELECT ${MESSAGE_COLUMNS} FROM messages
       WHERE group_id = $1 AND ${visibleTo('', '$2', "($3 OR s.role IN ('OWNER', 'ADMIN'))")} ${from}
       ORDER BY id ${order} LIMIT $4) p ON true
     WHERE $3 OR s.reads`),
    params,
  );
  if (rows.length === 0) throw notFound('Group');
  return rows[0]!.id === null ? [] : (rows as MessageRow[]).map(messageFromRow);
}

/**
 * The messages among `ids` that a person may read, with the same rules as
 * readerOf (members of the group or of its sub-groups; a reply meant for
 * admins only to admins and its author), in one statement for every group
 * concerned: the path that resolves each subscription event's message.
 */
export async function readableMessages(m: EntityManager, userId: string, ids: readonly string[]): Promise<MessageEntity[]> {
  const rows = await rowsOf<MessageRow>(m, READABLE_MESSAGES, [ids, userId]);
  return rows.map(messageFromRow);
}
