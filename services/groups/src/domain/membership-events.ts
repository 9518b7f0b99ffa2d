import { createEvent, type EventEnvelope } from '@kz/events';
import type { GroupRole } from '../entities/membership.entity';

/** Members per membership event, to keep Kafka messages well under their size limit. */
export const MEMBERS_PER_EVENT = 2_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MEMBERS_PER_EVENT) out.push(items.slice(i, i + MEMBERS_PER_EVENT));
  return out;
}

export function membershipEvents(group: { id: string; orgId: string | null }, members: readonly { userId: string; role: GroupRole }[]): EventEnvelope[] {
  return chunks(members).map((batch) =>
    createEvent('groups.memberships.added', { key: group.id, orgId: group.orgId, payload: { groupId: group.id, members: batch } }),
  );
}

export function removalEvents(group: { id: string; orgId: string | null }, userIds: readonly string[]): EventEnvelope[] {
  return chunks(userIds).map((batch) =>
    createEvent('groups.memberships.removed', { key: group.id, orgId: group.orgId, payload: { groupId: group.id, userIds: batch } }),
  );
}

export function roleChangeEvents(group: { id: string; orgId: string | null }, members: readonly { userId: string; role: GroupRole }[]): EventEnvelope[] {
  return chunks(members).map((batch) =>
    createEvent('groups.memberships.role-changed', { key: group.id, orgId: group.orgId, payload: { groupId: group.id, members: batch } }),
  );
}
