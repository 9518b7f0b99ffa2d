import { createEvent, type EventEnvelope } from '@kz/events';
import type { GroupEntity } from '../entities/group.entity';

export function inviteAcceptedEvent(group: Pick<GroupEntity, 'id' | 'orgId'>, inviteId: string, userId: string): EventEnvelope<'groups.invite.accepted'> {
  return createEvent('groups.invite.accepted', { key: group.id, orgId: group.orgId, payload: { groupId: group.id, inviteId, userId } });
}

export function joinRequestFiledEvent(
  group: Pick<GroupEntity, 'id' | 'orgId'>,
  requestId: string,
  userId: string,
  orgAdminIds: string[] = [],
): EventEnvelope<'groups.join-request.filed'> {
  return createEvent('groups.join-request.filed', {
    key: group.id,
    orgId: group.orgId,
    payload: { groupId: group.id, requestId, userId, ...(orgAdminIds.length > 0 ? { orgAdminIds } : {}) },
  });
}
