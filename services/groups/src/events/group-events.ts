import { createEvent, type EventEnvelope } from '@kz/events';
import type { GroupEntity } from '../entities/group.entity';

type GroupRef = Pick<GroupEntity, 'id' | 'orgId'>;

export function groupCreatedEvent(
  group: Pick<GroupEntity, 'id' | 'orgId' | 'parentId' | 'name' | 'kind' | 'announcementOnly' | 'createdBy'>,
): EventEnvelope<'groups.group.created'> {
  return createEvent('groups.group.created', {
    key: group.id,
    orgId: group.orgId,
    payload: {
      groupId: group.id,
      orgId: group.orgId,
      parentId: group.parentId,
      name: group.name,
      kind: group.kind,
      announcementOnly: group.announcementOnly,
      createdBy: group.createdBy,
    },
  });
}

/** `updatedBy`: who changed it. */
export function groupUpdatedEvent(
  group: Pick<GroupEntity, 'id' | 'orgId' | 'name' | 'kind' | 'announcementOnly'>,
  updatedBy: string,
): EventEnvelope<'groups.group.updated'> {
  return createEvent('groups.group.updated', {
    key: group.id,
    orgId: group.orgId,
    payload: { groupId: group.id, name: group.name, kind: group.kind, announcementOnly: group.announcementOnly, updatedBy },
  });
}

/** An organisation group's retention: days kept (null: its organisation's period), and whether a legal hold stops deletion. */
export function groupRetentionChangedEvent(
  group: { id: string; orgId: string },
  keepDays: number | null,
  legalHold: boolean,
): EventEnvelope<'groups.group.retention-changed'> {
  return createEvent('groups.group.retention-changed', {
    key: group.id,
    orgId: group.orgId,
    payload: { groupId: group.id, orgId: group.orgId, keepDays, legalHold },
  });
}

export function groupDeletedEvent(group: GroupRef): EventEnvelope<'groups.group.deleted'> {
  return createEvent('groups.group.deleted', { key: group.id, orgId: group.orgId, payload: { groupId: group.id } });
}

/** `orgId` is the organisation the group now belongs to. */
export function groupLinkedEvent(group: Pick<GroupEntity, 'id'>, orgId: string): EventEnvelope<'groups.group.linked'> {
  return createEvent('groups.group.linked', { key: group.id, orgId, payload: { groupId: group.id, orgId } });
}

/** `orgId` is the organisation the group left; the event stays within it. */
export function groupUnlinkedEvent(group: Pick<GroupEntity, 'id'>, orgId: string): EventEnvelope<'groups.group.unlinked'> {
  return createEvent('groups.group.unlinked', { key: group.id, orgId, payload: { groupId: group.id, orgId } });
}
