import { connectorMay, requireUser, type Caller } from '@kz/auth';
import { DomainError, notFound } from '@kz/errors';
import { isUuid, prepared } from '@kz/db';
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
  admin: boolean;
  /** The group's posting rules; null until the groups service's event about the group itself has arrived. */
  group: Pick<KnownGroupEntity, 'orgId' | 'kind' | 'announcementOnly'> | null;
}

/** The poster's role and the group's posting rules. */
const POSTER_STANDING = prepared(`SELECT gm.role, g.id IS NOT NULL AS known, g.org_id, g.kind, g.announcement_only
         FROM group_members gm LEFT JOIN known_groups g ON g.id = gm.group_id
         WHERE gm.group_id = $1 AND gm.user_id = $2`);

/** The reader's role in the group, and whether they read it (a member of it or of a sub-group at any depth). */
const READER = prepared(`WITH RECURSIVE tree AS (
       SELECT $1::uuid AS id
       UNION
       SELECT g.id FROM known_groups g JOIN tree t ON g.parent_id = t.id)
     SELECT (SELECT role FROM group_members WHERE group_id = $1 AND user_id = $2) AS role,
            EXISTS (SELECT 1 FROM group_members gm JOIN tree t ON gm.group_id = t.id WHERE gm.user_id = $2) AS reads`);

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
     WHERE r.reads AND (f.audience = 'ALL' OR f.author_id = $2 OR r.role IN ('OWNER', 'ADMIN'))`);

export const isAdminRole = (role: string | null | undefined) => role === 'OWNER' || role === 'ADMIN';

/** The sender's standing: a member of the group, with the group's posting rules. */
export async function posterIn(m: EntityManager, userId: string, groupId: string): Promise<Poster> {
  const [row] = isUuid(groupId)
    ? ((await m.query(POSTER_STANDING, [groupId, userId])) as { role: string; known: boolean; org_id: string | null; kind: KnownGroupEntity['kind']; announcement_only: boolean }[])
    : [];
  if (!row) throw notFound('Group');
  return { admin: isAdminRole(row.role), group: row.known ? { orgId: row.org_id, kind: row.kind, announcementOnly: row.announcement_only } : null };
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
  const rows = (await m.query(READER, [groupId, userId])) as { role: string | null; reads: boolean }[];
  if (!rows[0]?.reads) throw notFound('Group');
  return { seesAdminReplies: isAdminRole(rows[0].role), userId };
}

/**
 * The messages among `ids` that a person may read, with the same rules as
 * readerOf (members of the group or of its sub-groups; a reply meant for
 * admins only to admins and its author), in one statement for every group
 * concerned: the path that resolves each subscription event's message.
 */
export async function readableMessages(m: EntityManager, userId: string, ids: readonly string[]): Promise<MessageEntity[]> {
  const rows = (await m.query(READABLE_MESSAGES, [ids, userId])) as MessageRow[];
  return rows.map(messageFromRow);
}
