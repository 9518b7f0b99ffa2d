import type { Caller } from '@kz/auth';
import { badInput, DomainError, forbidden, notFound } from '@kz/errors';
import type { Outbox } from '@kz/events';
import { isUuid } from '@kz/db';
import type { EntityManager } from 'typeorm';
import { GroupEntity } from '../entities/group.entity';
import { groupAuditEntry } from '../events/audit-entries';
import { groupLinkedEvent, groupUnlinkedEvent } from '../events/group-events';
import { subgroupAttachedEvent, subgroupDetachedEvent } from '../events/hierarchy-events';
import { accessTo, canSee, groupToManage, isAdminRole } from './group-access';
import type { OrganizationStanding } from './organization-standing';

/** Sub-group hierarchy and mapping groups to organisations. */
export class HierarchyService {
  constructor(private readonly outbox: Outbox) {}

  /** Makes `childId` a sub-group of `parentId`; the caller administers both, and no cycle may form. */
  async attach(caller: Caller, standing: OrganizationStanding, parentId: string, childId: string): Promise<GroupEntity> {
    if (parentId === childId) throw badInput('parentId', 'A group cannot be its own sub-group.');
    return this.outbox.transaction(async (m, emit) => {
      // Lock in id order so two attaches of the same pair cannot deadlock.
      const [first, second] = [parentId, childId].sort();
      const a = await groupToManage(m, caller, standing, first!, 'Only admins of both groups can attach one under the other.');
      const b = await groupToManage(m, caller, standing, second!, 'Only admins of both groups can attach one under the other.');
      const parent = a.group.id === parentId ? a.group : b.group;
      const child = a.group.id === childId ? a.group : b.group;
      if (parent.orgId !== child.orgId) throw badInput('parentId', 'A sub-group must belong to the same organisation as its parent (or both be private).');
      if (await this.isInSubtree(m, child.id, parent.id))
        throw badInput('parentId', `"${parent.name}" is already below "${child.name}"; attaching would make a cycle.`);
      const previous = child.parentId;
      await m.getRepository(GroupEntity).update({ id: child.id }, { parentId: parent.id });
      if (previous) emit(subgroupDetachedEvent(child, previous, a.userId));
      emit(subgroupAttachedEvent(child, parent.id, a.userId));
      if (previous !== parent.id) {
        emit(groupAuditEntry(caller, 'group.attached', child, { before: previous ? { parentId: previous } : null, after: { parentId: parent.id } }));
      }
      return m.getRepository(GroupEntity).findOneByOrFail({ id: child.id });
    });
  }

  /** Makes a sub-group top-level again; admins of the group or of its parent may. */
  async detach(caller: Caller, standing: OrganizationStanding, childId: string): Promise<GroupEntity> {
    return this.outbox.transaction(async (m, emit) => {
      const child = await this.visibleLocked(m, caller, standing, childId);
      if (!child.parentId) throw badInput('groupId', 'This group is not a sub-group.');
      const parent = await m.getRepository(GroupEntity).findOneByOrFail({ id: child.parentId });
      const userId = (caller as { userId: string }).userId;
      const [childAccess, parentAccess] = await Promise.all([accessTo(m, child, userId, standing, 'change'), accessTo(m, parent, userId, standing, 'change')]);
      const manages = (x: typeof childAccess) => isAdminRole(x.role) || x.orgAdmin;
      if (!manages(childAccess) && !manages(parentAccess)) throw forbidden('Only admins of the group or of its parent can detach it.');
      await m.getRepository(GroupEntity).update({ id: child.id }, { parentId: null });
      emit([subgroupDetachedEvent(child, parent.id, userId), ...groupAuditEntry(caller, 'group.detached', child, { before: { parentId: parent.id } })]);
      return m.getRepository(GroupEntity).findOneByOrFail({ id: child.id });
    });
  }

  /** An admin of a private group who belongs to an organisation makes it that organisation's group. */
  async link(caller: Caller, standing: OrganizationStanding, groupId: string, orgId: string): Promise<GroupEntity> {
    return this.outbox.transaction(async (m, emit) => {
      const { group } = await groupToManage(m, caller, standing, groupId, "Only the group's owner and admins can link it to an organisation.");
      if (!(await standing.roleIn(m, orgId, 'MEMBER', 'change'))) throw notFound('Organisation');
      if (group.orgId === orgId) return group;
      if (group.orgId) throw new DomainError('CONFLICT', 'This group already belongs to an organisation; an org admin must unlink it first.');
      if (group.parentId) throw new DomainError('CONFLICT', 'Detach this sub-group before linking it; it belongs with its parent.');
      await refuseWithSubgroups(m, group.id, 'linking');
      await m.getRepository(GroupEntity).update({ id: group.id }, { orgId, kind: group.kind === 'BROADCAST' ? 'BROADCAST' : 'ORGANIZATION' });
      emit([groupLinkedEvent(group, orgId), ...groupAuditEntry(caller, 'group.linked', { ...group, orgId }, { after: { organizationId: orgId } })]);
      return m.getRepository(GroupEntity).findOneByOrFail({ id: group.id });
    });
  }

  /** Only the organisation's admins can give a group back its private status. */
  async unlink(caller: Caller, standing: OrganizationStanding, groupId: string): Promise<GroupEntity> {
    return this.outbox.transaction(async (m, emit) => {
      const group = await this.visibleLocked(m, caller, standing, groupId);
      if (!group.orgId) throw badInput('groupId', 'This group does not belong to an organisation.');
      if (!(await standing.isAdmin(m, group.orgId, 'change'))) throw forbidden("Only the organisation's admins can unlink its groups.");
      if (group.parentId) throw new DomainError('CONFLICT', 'Detach this sub-group before unlinking it.');
      await refuseWithSubgroups(m, group.id, 'unlinking');
      const orgId = group.orgId;
      await m.getRepository(GroupEntity).update({ id: group.id }, { orgId: null, kind: group.kind === 'BROADCAST' ? 'BROADCAST' : 'PRIVATE' });
      emit([groupUnlinkedEvent(group, orgId), ...groupAuditEntry(caller, 'group.unlinked', { ...group, orgId }, { before: { organizationId: orgId } })]);
      return m.getRepository(GroupEntity).findOneByOrFail({ id: group.id });
    });
  }

  private async visibleLocked(m: EntityManager, caller: Caller, standing: OrganizationStanding, groupId: string): Promise<GroupEntity> {
    if (caller.kind !== 'user')
      throw new DomainError(
        caller.kind === 'connector' ? 'FORBIDDEN' : 'UNAUTHENTICATED',
        caller.kind === 'connector' ? 'Connectors cannot change groups.' : 'Sign in first: this needs a valid access token.',
      );
    const group = isUuid(groupId)
      ? await m
          .getRepository(GroupEntity)
          .createQueryBuilder('g')
          .setLock('pessimistic_write')
          .where('g.id = :groupId AND g.deleted_at IS NULL', { groupId })
          .getOne()
      : null;
    if (!group || !canSee(await accessTo(m, group, caller.userId, standing, 'change'))) throw notFound('Group');
    return group;
  }

  private async isInSubtree(m: EntityManager, rootId: string, candidateId: string): Promise<boolean> {
    const rows = (await m.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM groups WHERE id = $1
         UNION
         SELECT g.id FROM groups g JOIN tree t ON g.parent_id = t.id)
       SELECT EXISTS (SELECT 1 FROM tree WHERE id = $2) AS found`,
      [rootId, candidateId],
    )) as { found: boolean }[];
    return rows[0]?.found ?? false;
  }
}

/**
 * A tree of groups belongs to one organisation or to none: its members read the groups above them, so a private
 * sub-group under an organisation's group would keep reading it after its people left the organisation.
 */
async function refuseWithSubgroups(m: EntityManager, groupId: string, action: 'linking' | 'unlinking'): Promise<void> {
  const children = (await m.query(`SELECT 1 FROM groups WHERE parent_id = $1 AND deleted_at IS NULL LIMIT 1`, [groupId])) as unknown[];
  if (children.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `Detach this group's sub-groups before ${action} it, then attach them again: a tree of groups belongs to one organisation or to none.`,
    );
  }
}
