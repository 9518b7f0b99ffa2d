import { createEvent, type EventEnvelope } from '@kz/events';
import type { GroupEntity } from '../entities/group.entity';

export function inviteAcceptedEvent(group: Pick<GroupEntity, 'id' | 'orgId'>, inviteId: string, userId: string): EventEnvelope<'groups.invite.accepted'> {
  return createEvent('groups.invite.accepted', { key: group.id, orgId: group.orgId, payload: { groupId: group.id, inviteId, userId } });
}
