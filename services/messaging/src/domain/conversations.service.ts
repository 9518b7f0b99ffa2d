import { connectorMay, requireUser, type Caller } from '@kz/auth';
import { badInput } from '@kz/errors';
import { decodeCursor, encodeCursor, InvalidCursorError, isUuid, prepared, rowsOf } from '@kz/db';
import type { DataSource } from 'typeorm';
import type { MessageEntity } from '../entities/message.entity';
import { visibleTo } from './message-access';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from './message-rows';

export interface ConversationsArgs {
  first?: number | null;
  after?: string | null;
  /** Part of a group's name, any case. */
  search?: string | null;
}

export interface Conversation {
  groupId: string;
  /** The latest message the reader sees in the group; null when there is none. */
  lastMessage: MessageEntity | null;
}

export interface ConversationPage {
  edges: { cursor: string; node: Conversation }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const MAX_PAGE = 100;
const MAX_SEARCH = 100;

/** The groups person $1 reads: theirs, and every group above one of theirs (its messages reach them). */
const READABLE = `readable(id) AS (
       SELECT group_id FROM group_members WHERE user_id = $1
       UNION
       SELECT g.parent_id FROM known_groups g JOIN readable r ON g.id = r.id WHERE g.parent_id IS NOT NULL)`;

/** Whether person $1 administers the group (an SQL expression over their membership row `a`, joined on the group): admins see replies meant for admins. */
const ADMIN = `coalesce(a.role IN ('OWNER', 'ADMIN'), false)`;

const QUALIFIED_MESSAGE_COLUMNS = MESSAGE_COLUMNS.split(', ')
  .map((column) => `m.${column}`)
  .join(', ');

/**
 * A page of person $1's conversations, latest activity first: the latest message they see in the group, or the
 * group's own id (a UUID v7, so its creation) when there is none. $2: a LIKE pattern on the name, or null; $3, $4: the
 * previous page's last (activity, group id), or null; $5: rows to read. One statement: the groups the person reads
 * (a recursive walk up from their memberships), one backward step on messages (group_id, id) per group, the sort, and the page's messages.
 */
const CONVERSATION_PAGE = prepared(`WITH RECURSIVE ${READABLE},
     conversations AS (
       SELECT r.id AS conversation_id, l.id AS message_id, coalesce(l.id, r.id) AS activity
         FROM readable r
         LEFT JOIN group_members a ON a.group_id = r.id AND a.user_id = $1
         LEFT JOIN known_groups kg ON kg.id = r.id
         LEFT JOIN LATERAL (
           SELECT m.id FROM messages m
            WHERE m.group_id = r.id AND ${visibleTo('m', '$1', ADMIN)}
            ORDER BY m.id DESC LIMIT 1) l ON true
        WHERE $2::text IS NULL OR kg.name ILIKE $2::text ESCAPE '\\'),
     page AS (
       SELECT conversation_id, activity, message_id
         FROM conversations
        WHERE $3::uuid IS NULL OR (activity, conversation_id) < ($3::uuid, $4::uuid)
        ORDER BY activity DESC, conversation_id DESC
        LIMIT $5)
     SELECT p.conversation_id, p.activity, ${QUALIFIED_MESSAGE_COLUMNS}
       FROM page p LEFT JOIN messages m ON m.id = p.message_id
      ORDER BY p.activity DESC, p.conversation_id DESC`);

/** The latest message person $1 sees in each of the groups $2 that they read. */
const LATEST_FOR_PERSON = prepared(`WITH RECURSIVE ${READABLE}
     SELECT l.* FROM (SELECT DISTINCT id FROM unnest($2::uuid[]) AS w(id)) w
     LEFT JOIN group_members a ON a.group_id = w.id AND a.user_id = $1
     CROSS JOIN LATERAL (
       SELECT ${MESSAGE_COLUMNS} FROM messages m
        WHERE m.group_id = w.id AND ${visibleTo('m', '$1', ADMIN)}
        ORDER BY m.id DESC LIMIT 1) l
     WHERE w.id IN (SELECT id FROM readable)`);

/** The latest message of each of the groups $2 that belong to organisation $1 (a connector granted MESSAGES reads them all). */
const LATEST_FOR_CONNECTOR = prepared(`SELECT l.* FROM known_groups g
     CROSS JOIN LATERAL (SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.group_id = g.id ORDER BY m.id DESC LIMIT 1) l
     WHERE g.id = ANY($2::uuid[]) AND g.org_id = $1`);

type ConversationRow = { conversation_id: string; activity: string } & (MessageRow | { [K in keyof MessageRow]: null });

/** A LIKE pattern matching names that contain `text`, its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** The (activity, group id) of a conversations cursor; BAD_USER_INPUT for one this list did not issue. */
export function decodeConversationCursor(cursor: string, field = 'after'): [string, string] {
  const [activity, groupId] = decodeCursor(cursor, 2, field);
  if (typeof activity !== 'string' || typeof groupId !== 'string' || !isUuid(activity) || !isUuid(groupId)) throw new InvalidCursorError(field);
  return [activity, groupId];
}

/**
 * A person's conversations: every group they read (a member of it, or of a sub-group at any depth), the latest
 * activity first, with the latest message each shows them.
 */
export class ConversationsService {
  constructor(private readonly dataSource: DataSource) {}

  async mine(caller: Caller, args: ConversationsArgs): Promise<ConversationPage> {
    const userId = requireUser(caller).userId;
    const limit = args.first ?? 30;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput('first', `first must be between 1 and ${MAX_PAGE}.`);
    const search = args.search?.trim() ?? '';
    if (search.length > MAX_SEARCH) throw badInput('search', `Search for at most ${MAX_SEARCH} characters of a group's name.`);
    const [activity, groupId] = args.after ? decodeConversationCursor(args.after) : [null, null];
    const rows = await rowsOf<ConversationRow>(this.dataSource.manager, CONVERSATION_PAGE, [
      userId,
      search ? containsPattern(search) : null,
      activity,
      groupId,
      limit + 1,
    ]);
    const edges = rows.slice(0, limit).map((row) => ({
      cursor: encodeCursor([row.activity, row.conversation_id]),
      node: { groupId: row.conversation_id, lastMessage: row.id === null ? null : messageFromRow(row as MessageRow) },
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > limit,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** The latest message the caller sees in each group, in one statement; absent for a group without one or that the caller does not read. */
  async latestMessages(caller: Caller, groupIds: readonly string[]): Promise<MessageEntity[]> {
    const valid = groupIds.filter(isUuid);
    if (valid.length === 0) return [];
    if (caller.kind === 'connector') {
      if (!connectorMay(caller, caller.orgId, 'MESSAGES')) return [];
      return (await rowsOf<MessageRow>(this.dataSource.manager, LATEST_FOR_CONNECTOR, [caller.orgId, valid])).map(messageFromRow);
    }
    const userId = requireUser(caller).userId;
    return (await rowsOf<MessageRow>(this.dataSource.manager, LATEST_FOR_PERSON, [userId, valid])).map(messageFromRow);
  }
}
