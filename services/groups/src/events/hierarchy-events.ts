import { createEvent, type EventEnvelope } from '@kz/events';
import type { GroupEntity } from '../entities/group.entity';

type GroupRef = Pick<GroupEntity, 'id' | 'orgId'>;

export function subgroupAttachedEvent(child: GroupRef, parentId: string): EventEnvelope<'groups.subgroup.attached'> {
  return createEvent('groups.subgroup.attached', { key: child.id, orgId: child.orgId, payload: { groupId: child.id, parentId } });
}

export function subgroupDetachedEvent(child: GroupRef, parentId: string): EventEnvelope<'groups.subgroup.detached'> {
  return createEvent('groups.subgroup.detached', { key: child.id, orgId: child.orgId, payload: { groupId: child.id, parentId } });
}
