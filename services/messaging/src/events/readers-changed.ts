import { createEvent, insertOutboxRows, type EventEnvelope, type PayloadOf } from '@kz/events';
import type { EntityManager } from 'typeorm';

type Change = PayloadOf<'messaging.readers.changed'>['change'];

/** The most people one event names (the catalogue's limit). */
const PEOPLE_PER_EVENT = 2_000;

/** The group and its ancestors: a group's readers are its members and those of its sub-groups at any depth. */
const GROUP_AND_ANCESTORS = `WITH RECURSIVE chain AS (
       SELECT $1::uuid AS id
       UNION
       SELECT g.parent_id FROM known_groups g JOIN chain c ON g.id = c.id WHERE g.parent_id IS NOT NULL)
     SELECT id FROM chain`;

/** The people who read a group through their memberships in it or in its sub-groups at any depth. */
const READERS_BELOW = `WITH RECURSIVE tree AS (
       SELECT $1::uuid AS id
       UNION
       SELECT g.id FROM known_groups g JOIN tree t ON g.parent_id = t.id)
     SELECT DISTINCT gm.user_id FROM group_members gm JOIN tree t ON gm.group_id = t.id`;

export async function groupAndAncestors(m: EntityManager, groupId: string): Promise<string[]> {
  return ((await m.query(GROUP_AND_ANCESTORS, [groupId])) as { id: string }[]).map((r) => r.id);
}

export async function readersBelow(m: EntityManager, groupId: string): Promise<string[]> {
  return ((await m.query(READERS_BELOW, [groupId])) as { user_id: string }[]).map((r) => r.user_id);
}

/**
 * Announces that `userIds` gained (ADDED) or may have lost (REMOVED) the reading of each of `groupIds`, after the
 * caller changed the read model in this transaction: the gateway decides who may follow a group from these events,
 * which can only reach it once the change is committed.
 */
export async function announceReaders(
  m: EntityManager,
  orgId: string | null,
  groupIds: readonly string[],
  change: Change,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  const events: EventEnvelope[] = [];
  for (const groupId of groupIds) {
    for (let from = 0; from < userIds.length; from += PEOPLE_PER_EVENT) {
      events.push(
        createEvent('messaging.readers.changed', { key: groupId, orgId, payload: { groupId, change, userIds: userIds.slice(from, from + PEOPLE_PER_EVENT) } }),
      );
    }
  }
  await insertOutboxRows(m, events);
}
