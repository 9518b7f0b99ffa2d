import { createEvent, type EventEnvelope } from '@kz/events';
import type { GroupEntity } from '../entities/group.entity';

type GroupRef = Pick<GroupEntity, 'id' | 'orgId'>;

/** `attachedBy`: who attached it. */
export function subgroupAttachedEvent(child: GroupRef, parentId: string, attachedBy: string): EventEnvelope<'groups.subgroup.attached'> {
  return createEvent('groups.subgroup.attached', { key: child.id, orgId: child.orgId, payload: { groupId: child.id, parentId, attachedBy } });
}

/** `detachedBy`: who detached it; null when no one in particular did (its parent was deleted). */
export function subgroupDetachedEvent(child: GroupRef, parentId: string, detachedBy: string | null): EventEnvelope<'groups.subgroup.detached'> {
  return createEvent('groups.subgroup.detached', {
    key: child.id,
    orgId: child.orgId,
    payload: { groupId: child.id, parentId, ...(detachedBy === null ? {} : { detachedBy }) },
  });
}
