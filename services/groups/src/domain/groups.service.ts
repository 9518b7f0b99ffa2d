import { connectorMay, requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, forbidden, notFound } from '@kz/errors';
import { changedFields, type Outbox } from '@kz/events';
import { decodeIdCursor, decodeSeqCursor, isUuid, pageFrom, pageSize, uuidv7, type Page } from '@kz/db';
import { In, IsNull, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { GroupEntity, type GroupKind } from '../entities/group.entity';
import { groupAuditEntry } from '../events/audit-entries';
import { groupCreatedEvent, groupDeletedEvent, groupRetentionChangedEvent, groupUpdatedEvent } from '../events/group-events';
import { subgroupDetachedEvent } from '../events/hierarchy-events';
import { membersAddedEvents } from '../events/membership-events';
import { MembershipEntity } from '../entities/membership.entity';
import { accessTo, canManage, groupToManage } from './group-access';
import { cleanGroupFields, type GroupFields } from './group-fields';
import type { OrganizationStanding } from './organization-standing';

export interface CreateGroupInput extends GroupFields {
  name: string;
  organizationId?: string | null;
  parentId?: string | null;
  broadcast?: boolean | null;
  announcementOnly?: boolean | null;
}

export interface UpdateGroupInput extends GroupFields {
  announcementOnly?: boolean | null;
}

/** Groups: creation, settings, what each caller may see, listings. */
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async create(caller: Caller, standing: OrganizationStanding, input: CreateGroupInput): Promise<GroupEntity> {
    const creatorId = this.person(caller);
    const fields = cleanGroupFields(input);
    if (!fields.name) throw badInput('name', 'A group name needs 1 to 120 characters.');
    return this.outbox.transaction(async (m, emit) => {
      let orgId = input.organizationId ?? null;
      let parentId: string | null = null;
      if (input.parentId) {
        const { group: parent } = await groupToManage(m, caller, standing, input.parentId, 'Only admins of the parent group can add sub-groups to it.');
        if (orgId !== null && orgId !== parent.orgId) throw badInput('organizationId', "A sub-group belongs to its parent's organisation.");
        orgId = parent.orgId;
        parentId = parent.id;
      } else if (orgId !== null) {
        if (!(await standing.roleIn(m, orgId, 'MEMBER', 'change'))) throw notFound('Organisation');
      }
      const kind: GroupKind = input.broadcast ? 'BROADCAST' : orgId ? 'ORGANIZATION' : 'PRIVATE';
      const group = m.getRepository(GroupEntity).create({
        id: uuidv7(),
        orgId,
        parentId,
        name: fields.name!,
        description: fields.description ?? null,
        avatarUrl: fields.avatarUrl ?? null,
        welcomeMessage: fields.welcomeMessage ?? null,
        announcementOnly: Boolean(input.announcementOnly) || kind === 'BROADCAST',
        kind,
        memberCount: 1,
        createdBy: creatorId,
        deletedAt: null,
      });
      await m.getRepository(GroupEntity).insert(group);
      await m.query(
        `INSERT INTO memberships (group_id, user_id, role, name_key, phone)
         SELECT $1, $2, 'OWNER', coalesce(k.name_key, ''), coalesce(k.phone, '') FROM (SELECT 1) one LEFT JOIN known_users k ON k.id = $2`,
        [group.id, creatorId],
      );
      emit([
        groupCreatedEvent(group),
        ...membersAddedEvents(group, [{ userId: creatorId, role: 'OWNER' }], creatorId),
        ...groupAuditEntry(caller, 'group.created', group, { after: { name: group.name, kind: group.kind, ...(parentId ? { parentId } : {}) } }),
      ]);
      return m.getRepository(GroupEntity).findOneByOrFail({ id: group.id });
    });
  }

  async update(caller: Caller, standing: OrganizationStanding, groupId: string, input: UpdateGroupInput): Promise<GroupEntity> {
    const fields = cleanGroupFields(input);
    return this.outbox.transaction(async (m, emit) => {
      const { group, userId } = await groupToManage(m, caller, standing, groupId);
      const changes: Partial<GroupEntity> = { ...fields };
      if (input.announcementOnly !== undefined && input.announcementOnly !== null) {
        if (group.kind === 'BROADCAST' && !input.announcementOnly) throw badInput('announcementOnly', 'A broadcast group is always announcement-only.');
        changes.announcementOnly = input.announcementOnly;
      }
      await m.getRepository(GroupEntity).update({ id: group.id }, changes);
      const updated = await m.getRepository(GroupEntity).findOneByOrFail({ id: group.id });
      emit(groupUpdatedEvent(updated, userId));
      const changed = changedFields(settingsOf(group, changes), settingsOf(updated, changes));
      if (Object.keys(changed.after).length > 0) emit(groupAuditEntry(caller, 'group.updated', updated, changed));
      return updated;
    });
  }

  /**
   * How long an organisation group keeps its messages (null: as its organisation does), and whether a legal hold
   * suspends their deletion. The organisation's admins decide: it is the organisation's data.
   */
  async setRetention(caller: Caller, standing: OrganizationStanding, groupId: string, keepDays: number | null, legalHold: boolean): Promise<GroupEntity> {
    if (keepDays !== null && (!Number.isInteger(keepDays) || keepDays < 1 || keepDays > 36_500)) {
      throw badInput('keepDays', "Keep messages for 1 to 36,500 days, or leave it empty to follow the organisation's period.");
    }
    return this.outbox.transaction(async (m, emit) => {
      const { group } = await groupToManage(m, caller, standing, groupId);
      if (group.orgId === null) throw badInput('groupId', "Retention is set for an organisation's groups; this group belongs to no organisation.");
      if (!(await standing.isAdmin(m, group.orgId, 'change'))) throw forbidden("Only the organisation's admins set how long its groups keep messages.");
      if (group.messageRetentionDays === keepDays && group.legalHold === legalHold) return group;
      await m.getRepository(GroupEntity).update({ id: group.id }, { messageRetentionDays: keepDays, legalHold });
      const policy = (g: { messageRetentionDays: number | null; legalHold: boolean }) => ({ keepDays: g.messageRetentionDays, legalHold: g.legalHold });
      emit([
        groupRetentionChangedEvent({ id: group.id, orgId: group.orgId }, keepDays, legalHold),
        ...groupAuditEntry(caller, 'retention.group-policy-set', group, changedFields(policy(group), { keepDays, legalHold })),
      ]);
      return m.getRepository(GroupEntity).findOneByOrFail({ id: group.id });
    });
  }

  /** Deletes a group for good: its members lose it, its sub-groups become top-level. */
  async delete(caller: Caller, standing: OrganizationStanding, groupId: string): Promise<void> {
    await this.outbox.transaction(async (m, emit) => {
      const { group } = await groupToManage(m, caller, standing, groupId, "Only the group's owner and admins, or its organisation's admins, can delete it.");
      const children = (await m.query(`SELECT id FROM groups WHERE parent_id = $1 AND deleted_at IS NULL`, [group.id])) as { id: string }[];
      await m.query(`UPDATE groups SET parent_id = NULL WHERE parent_id = $1`, [group.id]);
      await m.query(`UPDATE groups SET deleted_at = now(), parent_id = NULL, member_count = 0 WHERE id = $1`, [group.id]);
      await m.query(`DELETE FROM memberships WHERE group_id = $1`, [group.id]);
      await m.query(`DELETE FROM pending_memberships WHERE group_id = $1`, [group.id]);
      await m.query(`UPDATE invite_links SET revoked_at = now() WHERE group_id = $1 AND revoked_at IS NULL`, [group.id]);
      emit([
        ...children.map((c) => subgroupDetachedEvent({ id: c.id, orgId: group.orgId }, group.id, null)),
        groupDeletedEvent(group),
        ...groupAuditEntry(caller, 'group.deleted', group, { before: { name: group.name } }),
      ]);
    });
  }

  /** A group the caller may see; NOT_FOUND for anything else, so existence never leaks. */
  async getVisible(caller: Caller, standing: OrganizationStanding, groupId: string): Promise<GroupEntity> {
    const [group] = await this.visibleByIds(caller, standing, [groupId]);
    if (!group) throw notFound('Group');
    return group;
  }

  /**
   * Members see their groups, organisation admins every group of their
   * organisation, connectors with GROUP_INFO every group of theirs.
   */
  async visibleByIds(caller: Caller, standing: OrganizationStanding, ids: readonly string[]): Promise<GroupEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const repo = this.dataSource.getRepository(GroupEntity);
    if (caller.kind === 'connector') {
      if (!connectorMay(caller, caller.orgId, 'GROUP_INFO')) return [];
      return repo.findBy({ id: In(valid), orgId: caller.orgId, deletedAt: IsNull() });
    }
    const userId = requireUser(caller).userId;
    // Members of a sub-group, at any depth, see the groups above it: their messages reach them.
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE tree(root, id) AS (
         SELECT g.id, g.id FROM groups g WHERE g.id = ANY($1::uuid[]) AND g.deleted_at IS NULL
         UNION
         SELECT t.root, c.id FROM groups c JOIN tree t ON c.parent_id = t.id WHERE c.deleted_at IS NULL)
       SELECT DISTINCT t.root AS id FROM tree t JOIN memberships ms ON ms.group_id = t.id AND ms.user_id = $2`,
      [valid, userId],
    )) as { id: string }[];
    const visible = new Set(rows.map((r) => r.id));
    // The rest are visible to the admins of their organisations.
    const rest = valid.filter((id) => !visible.has(id));
    if (rest.length > 0) {
      const orgGroups = (await this.dataSource.query(`SELECT id, org_id FROM groups WHERE id = ANY($1::uuid[]) AND org_id IS NOT NULL AND deleted_at IS NULL`, [
        rest,
      ])) as { id: string; org_id: string }[];
      if (orgGroups.length > 0) {
        const administered = await standing.administeredAmong(
          this.dataSource.manager,
          orgGroups.map((g) => g.org_id),
        );
        for (const g of orgGroups) if (administered.has(g.org_id)) visible.add(g.id);
      }
    }
    return visible.size === 0 ? [] : repo.findBy({ id: In([...visible]) });
  }

  /** Whether the caller may manage the group (for admin-only fields). */
  async callerManages(caller: Caller, standing: OrganizationStanding, group: GroupEntity): Promise<boolean> {
    if (caller.kind !== 'user') return false;
    return canManage(await accessTo(this.dataSource.manager, group, caller.userId, standing, 'read'));
  }

  async rolesOf(userId: string, groupIds: readonly string[]): Promise<MembershipEntity[]> {
    return this.dataSource.getRepository(MembershipEntity).findBy({ userId, groupId: In(groupIds.filter(isUuid)) });
  }

  async myGroups(caller: Caller, first: number | null | undefined, after: string | null | undefined): Promise<Page<GroupEntity>> {
    const userId = requireUser(caller).userId;
    const limit = pageSize(first, 20, 100);
    if (limit === null) throw badInput('first', 'first must be between 1 and 100.');
    const seq = after ? decodeSeqCursor(after) : String(Number.MAX_SAFE_INTEGER);
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .addSelect('m.seq')
      .where('m.user_id = :userId AND m.seq < :seq', { userId, seq })
      .orderBy('m.seq', 'DESC')
      .limit(limit + 1)
      .getMany();
    const groups = await this.dataSource.getRepository(GroupEntity).findBy({ id: In(memberships.map((ms) => ms.groupId)) });
    const byId = new Map(groups.map((g) => [g.id, g]));
    const page = pageFrom(memberships, limit, (ms) => [ms.seq], Boolean(after));
    return { pageInfo: page.pageInfo, edges: page.edges.map((e) => ({ cursor: e.cursor, node: byId.get(e.node.groupId)! })) };
  }

  /** An organisation's groups, newest first: for its admins and connectors with GROUP_INFO. */
  async ofOrganization(
    caller: Caller,
    standing: OrganizationStanding,
    orgId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<GroupEntity>> {
    if (!isUuid(orgId)) throw notFound('Organisation');
    if (!connectorMay(caller, orgId, 'GROUP_INFO')) {
      if (caller.kind === 'connector') throw notFound('Organisation');
      requireUser(caller);
      const role = await standing.roleIn(this.dataSource.manager, orgId, 'ADMIN', 'read');
      if (!role) throw notFound('Organisation');
      if (role !== 'ADMIN') throw forbidden('Only organisation admins can list all of its groups.');
    }
    const qb = this.dataSource.getRepository(GroupEntity).createQueryBuilder('g').where('g.org_id = :orgId AND g.deleted_at IS NULL', { orgId });
    return newestFirst(qb, first, after);
  }

  /** Direct sub-groups of a group, those the caller may see. */
  async subgroups(
    caller: Caller,
    standing: OrganizationStanding,
    parent: GroupEntity,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<GroupEntity>> {
    const qb = this.dataSource
      .getRepository(GroupEntity)
      .createQueryBuilder('g')
      .where('g.parent_id = :parentId AND g.deleted_at IS NULL', { parentId: parent.id });
    const page = await newestFirst(qb, first, after);
    const visible = new Set(
      (
        await this.visibleByIds(
          caller,
          standing,
          page.edges.map((e) => e.node.id),
        )
      ).map((g) => g.id),
    );
    return { ...page, edges: page.edges.filter((e) => visible.has(e.node.id)) };
  }

  /** Sum of the maintained counts over the group's subtree: walks groups, never members. */
  async memberCountWithSubgroups(groupId: string): Promise<number> {
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT id, member_count FROM groups WHERE id = $1
         UNION ALL
         SELECT g.id, g.member_count FROM groups g JOIN tree t ON g.parent_id = t.id WHERE g.deleted_at IS NULL)
       SELECT coalesce(sum(member_count), 0)::int AS total FROM tree`,
      [groupId],
    )) as { total: number }[];
    return rows[0]?.total ?? 0;
  }

  async byIds(ids: readonly string[], m: EntityManager = this.dataSource.manager): Promise<GroupEntity[]> {
    return m.getRepository(GroupEntity).findBy({ id: In(ids.filter(isUuid)) });
  }

  private person(caller: Caller): string {
    if (caller.kind === 'connector') throw new DomainError('FORBIDDEN', 'Connectors cannot create groups.');
    return requireUser(caller).userId;
  }
}

/** The group's settings that `changes` sets, as they are in `group`: one side of an update's audit entry. */
function settingsOf(group: GroupEntity, changes: Partial<GroupEntity>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, group[k as keyof GroupEntity]]));
}

async function newestFirst(
  qb: SelectQueryBuilder<GroupEntity>,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<GroupEntity>> {
  const limit = pageSize(first, 50, 200);
  if (limit === null) throw badInput('first', 'first must be between 1 and 200.');
  if (after) {
    qb.andWhere('g.id < :afterId', { afterId: decodeIdCursor(after) });
  }
  const rows = await qb
    .orderBy('g.id', 'DESC')
    .limit(limit + 1)
    .getMany();
  return pageFrom(rows, limit, (g) => [g.id], Boolean(after));
}
