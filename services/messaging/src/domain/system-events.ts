import { createEvent, insertOutboxRows, outboxRowParams } from '@kz/events';
import { prepared, rowsOf, uuidv7 } from '@kz/db';
import type { EntityManager } from 'typeorm';
import { inGroupChangeOrder, markChanged, NEXT_CHANGE_POSITION } from './message-changes';

/**
 * System entries: what happened to a group (people added, joined, removed or left, roles changed, renamed, sub-groups
 * attached or detached) as messages of kind SYSTEM in its history, written from the groups service's events in the
 * inbox transaction that applies them. Each is one row however many people it names (a 2,000-member add is one
 * entry), and its data is structured (system_event), never text: it is not searchable, not unread, and no one edits,
 * deletes or replies to it.
 */

export type SystemEventKind =
  | 'GROUP_CREATED'
  | 'MEMBERS_ADDED'
  | 'JOINED'
  | 'MEMBERS_REMOVED'
  | 'MEMBER_LEFT'
  | 'ROLE_CHANGED'
  | 'GROUP_RENAMED'
  | 'SUBGROUP_ATTACHED'
  | 'SUBGROUP_DETACHED'
  /** A notice of an imported chat (WhatsApp's own line: people added, subject changed…), worded as the export has it. */
  | 'IMPORTED_NOTICE';

export type MemberRole = 'OWNER' | 'ADMIN' | 'MEMBER';

/** People an entry names by id; the rest are counted (userCount). */
export const SYSTEM_EVENT_USERS = 20;

/** Consecutive adds (or removals) by the same person are one entry when the events were this close: one bulk operation's batches. */
export const MERGE_WINDOW_MS = 60_000;

/** An entry as stored in messages.system_event (jsonb). */
export interface SystemEventRecord {
  kind: SystemEventKind;
  /** Who acted; null when no one in particular did. */
  actorId: string | null;
  /** The first SYSTEM_EVENT_USERS people it is about. */
  userIds: string[];
  userCount: number;
  /** The group's name (GROUP_CREATED, GROUP_RENAMED) or the sub-group's (SUBGROUP_*). */
  name: string | null;
  /** ROLE_CHANGED: the role the people now have. */
  role: MemberRole | null;
  /** SUBGROUP_*: the sub-group. */
  subgroupId: string | null;
  /** IMPORTED_NOTICE: the notice as the export words it. */
  text?: string | null;
  /** When the groups service made the change (its event's occurredAt, ISO 8601): consecutive batches merge by it. */
  at: string;
}

export interface SystemEventInput {
  kind: SystemEventKind;
  actorId?: string | null;
  userIds?: readonly string[];
  name?: string | null;
  role?: MemberRole | null;
  subgroupId?: string | null;
  /** The groups service's event time. */
  at: string;
}

export function systemEventRecord(input: SystemEventInput): SystemEventRecord {
  const userIds = [...new Set(input.userIds ?? [])];
  return {
    kind: input.kind,
    actorId: input.actorId ?? null,
    userIds: userIds.slice(0, SYSTEM_EVENT_USERS),
    userCount: userIds.length,
    name: input.name ?? null,
    role: input.role ?? null,
    subgroupId: input.subgroupId ?? null,
    at: input.at,
  };
}

/**
 * The entries for people added to a group (only those who were not members already). A person added by themselves
 * joined (a link, or a pending invitation that became a membership at sign-up, when no one in particular added
 * them); an owner is the group's creator, whose entry is GROUP_CREATED. Pure.
 */
export function addedEntries(addedBy: string | null, added: readonly { userId: string; role: MemberRole }[], at: string): SystemEventInput[] {
  const people = added.filter((p) => p.role !== 'OWNER').map((p) => p.userId);
  if (people.length === 0) return [];
  if (addedBy === null) return [{ kind: 'JOINED', actorId: null, userIds: people, at }];
  const joined = people.filter((id) => id === addedBy);
  const others = people.filter((id) => id !== addedBy);
  return [
    ...(joined.length > 0 ? [{ kind: 'JOINED' as const, actorId: addedBy, userIds: joined, at }] : []),
    ...(others.length > 0 ? [{ kind: 'MEMBERS_ADDED' as const, actorId: addedBy, userIds: others, at }] : []),
  ];
}

/** The entries for people removed from a group: one who removed themselves left. Pure. */
export function removedEntries(removedBy: string | null, removed: readonly string[], at: string): SystemEventInput[] {
  const left = removed.filter((id) => id === removedBy);
  const others = removed.filter((id) => id !== removedBy);
  return [
    ...(left.length > 0 ? [{ kind: 'MEMBER_LEFT' as const, actorId: removedBy, userIds: left, at }] : []),
    ...(others.length > 0 ? [{ kind: 'MEMBERS_REMOVED' as const, actorId: removedBy, userIds: others, at }] : []),
  ];
}

/** One entry per new role among the people whose role changed. Pure. */
export function roleEntries(changedBy: string | null, changed: readonly { userId: string; role: MemberRole }[], at: string): SystemEventInput[] {
  const byRole = new Map<MemberRole, string[]>();
  for (const { userId, role } of changed) byRole.set(role, [...(byRole.get(role) ?? []), userId]);
  return [...byRole].map(([role, userIds]) => ({ kind: 'ROLE_CHANGED' as const, actorId: changedBy, userIds, role, at }));
}

/**
 * `latest` with `next` folded in, when `next` continues it: the same kind of bulk change (an add or a removal) by the
 * same person, made within MERGE_WINDOW_MS of it; null otherwise. The count adds up, the names stay the first ones.
 * Pure.
 */
export function mergedInto(latest: SystemEventRecord, next: SystemEventRecord): SystemEventRecord | null {
  if (latest.kind !== next.kind || (next.kind !== 'MEMBERS_ADDED' && next.kind !== 'MEMBERS_REMOVED')) return null;
  if (latest.actorId === null || latest.actorId !== next.actorId) return null;
  const gap = Date.parse(next.at) - Date.parse(latest.at);
  if (!(gap >= 0 && gap <= MERGE_WINDOW_MS)) return null;
  const named = new Set(latest.userIds);
  const userIds = [...latest.userIds, ...next.userIds.filter((id) => !named.has(id))].slice(0, SYSTEM_EVENT_USERS);
  return { ...latest, userIds, userCount: latest.userCount + next.userCount, at: next.at };
}

/** Entries about a group's people are for its admins (and whoever acted) in a broadcast group, whose subscribers do not see one another. */
const ABOUT_PEOPLE: readonly SystemEventKind[] = ['MEMBERS_ADDED', 'JOINED', 'MEMBERS_REMOVED', 'MEMBER_LEFT', 'ROLE_CHANGED'];

/** Takes the group's change lock: after it, the group's newest message stays the newest until this transaction ends. */
const LOCK_CHANGES = prepared(`SELECT 1 FROM ${inGroupChangeOrder('$1')}`);

/** The group's newest message (read after LOCK_CHANGES, in a statement of its own so that it sees every commit before the lock). */
const LATEST = prepared(`SELECT id, kind, system_event, deleted_at FROM messages WHERE group_id = $1 ORDER BY id DESC LIMIT 1`);

/**
 * The entry as a message and its messaging.message.sent event, in one statement, exactly as a person's message is
 * written (UUID v7 id, the next position in the group's change order). Its author is the person who acted, else the
 * first person it is about, else the group's owner; with none of them known nothing is written.
 */
const INSERT_ENTRY = prepared(`WITH entry AS (
     SELECT coalesce($3::uuid, $4::uuid, (SELECT user_id FROM group_members WHERE group_id = $2 AND role = 'OWNER' ORDER BY user_id LIMIT 1)) AS author_id,
            CASE WHEN g.kind = 'BROADCAST' AND $7::boolean THEN 'ADMINS' ELSE 'ALL' END AS audience
       FROM (SELECT 1) one LEFT JOIN known_groups g ON g.id = $2),
   inserted AS (
     INSERT INTO messages (id, group_id, author_id, text, sent_at, audience, kind, system_event, mentions, change_seq)
     SELECT $1::uuid, $2::uuid, e.author_id, '', $5::timestamptz, e.audience, 'SYSTEM', $6::jsonb, '{}', ${NEXT_CHANGE_POSITION}
       FROM entry e, ${inGroupChangeOrder('$2')}
      WHERE e.author_id IS NOT NULL
     RETURNING id, author_id, audience, change_seq)
   INSERT INTO outbox_events (id, topic, key, envelope, trace_parent)
   SELECT $8::uuid, $9::text, $10::text,
          jsonb_set(jsonb_set(jsonb_set($11::jsonb, '{payload,changeSeq}', to_jsonb(i.change_seq::text)),
                              '{payload,authorId}', to_jsonb(i.author_id::text)), '{payload,audience}', to_jsonb(i.audience)),
          $12::text
     FROM inserted i`);

/**
 * Writes a system entry in the group's history, in the caller's (inbox) transaction: a new message, or, for the next
 * batch of one bulk add or removal, the same entry with its count grown (an EDITED change, so readers following the
 * group see the count move). Costs one statement, two when it merges.
 */
export async function recordSystemEvent(m: EntityManager, orgId: string | null, groupId: string, input: SystemEventInput): Promise<void> {
  const record = systemEventRecord(input);
  if (record.kind === 'MEMBERS_ADDED' || record.kind === 'MEMBERS_REMOVED') {
    await rowsOf(m, LOCK_CHANGES, [groupId]);
    const [latest] = await rowsOf<{ id: string; kind: string; system_event: SystemEventRecord | null; deleted_at: Date | null }>(m, LATEST, [groupId]);
    const merged = latest?.kind === 'SYSTEM' && latest.system_event && !latest.deleted_at ? mergedInto(latest.system_event, record) : null;
    if (latest && merged) {
      await m.query(`UPDATE messages SET system_event = $2::jsonb WHERE id = $1`, [latest.id, JSON.stringify(merged)]);
      const changeSeq = await markChanged(m, groupId, latest.id, 'EDITED');
      await insertOutboxRows(m, [
        createEvent('messaging.message.edited', {
          key: groupId,
          orgId,
          payload: { messageId: latest.id, groupId, editedAt: new Date().toISOString(), changeSeq },
        }),
      ]);
      return;
    }
  }
  const id = uuidv7();
  const sentAt = new Date();
  // authorId and audience are the statement's to decide; the event is completed from the row it inserts.
  const sent = createEvent('messaging.message.sent', {
    key: groupId,
    orgId,
    payload: { messageId: id, groupId, authorId: '-', text: '', sentAt: sentAt.toISOString(), audience: 'ALL', kind: 'SYSTEM' },
  });
  await m.query(INSERT_ENTRY, [
    id,
    groupId,
    record.actorId,
    record.userIds[0] ?? null,
    sentAt,
    JSON.stringify(record),
    ABOUT_PEOPLE.includes(record.kind),
    ...outboxRowParams(sent),
  ]);
}
