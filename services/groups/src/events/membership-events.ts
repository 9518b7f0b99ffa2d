import { createEvent, type EventEnvelope } from '@kz/events';
import type { GroupEntity } from '../entities/group.entity';
import type { GroupRole } from '../entities/membership.entity';

type GroupRef = Pick<GroupEntity, 'id' | 'orgId'>;

/** Members per membership event, to keep Kafka messages well under their size limit. */
export const MEMBERS_PER_EVENT = 2_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MEMBERS_PER_EVENT) out.push(items.slice(i, i + MEMBERS_PER_EVENT));
  return out;
}

/** `addedBy`: who added them (themselves when joining by a link or creating the group); null when no one in particular did. */
export function membersAddedEvents(
  group: GroupRef,
  members: readonly { userId: string; role: GroupRole }[],
  addedBy: string | null,
): EventEnvelope<'groups.memberships.added'>[] {
  return chunks(members).map((batch) =>
    createEvent('groups.memberships.added', {
      key: group.id,
      orgId: group.orgId,
      payload: { groupId: group.id, members: batch, ...(addedBy === null ? {} : { addedBy }) },
    }),
  );
}

/** `removedBy`: who removed them (the person themselves when they left); null when no one in particular did (they left the organisation). */
export function membersRemovedEvents(group: GroupRef, userIds: readonly string[], removedBy: string | null): EventEnvelope<'groups.memberships.removed'>[] {
  return chunks(userIds).map((batch) =>
    createEvent('groups.memberships.removed', {
      key: group.id,
      orgId: group.orgId,
      payload: { groupId: group.id, userIds: batch, ...(removedBy === null ? {} : { removedBy }) },
    }),
  );
}

/** `changedBy`: who changed the roles. */
export function rolesChangedEvents(
  group: GroupRef,
  members: readonly { userId: string; role: GroupRole }[],
  changedBy: string,
): EventEnvelope<'groups.memberships.role-changed'>[] {
  return chunks(members).map((batch) =>
    createEvent('groups.memberships.role-changed', { key: group.id, orgId: group.orgId, payload: { groupId: group.id, members: batch, changedBy } }),
  );
}

/** Numbers added as pending members (no one has signed up with them yet): identity texts each one where to sign in. */
export function phonesInvitedEvents(
  group: Pick<GroupEntity, 'id' | 'orgId' | 'name'>,
  invitedBy: string,
  phones: readonly string[],
): EventEnvelope<'groups.phone-invitations.added'>[] {
  return chunks(phones).map((batch) =>
    createEvent('groups.phone-invitations.added', {
      key: group.id,
      orgId: group.orgId,
      payload: { groupId: group.id, groupName: group.name, invitedBy, phones: batch },
    }),
  );
}
