import { connectorMay, requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, forbidden, notFound } from '@kz/errors';
import { createEvent, type EventEnvelope, type Outbox } from '@kz/events';
import { decodeCursor, decodeSeqCursor, InvalidCursorError, isUuid, pageFrom, pageSize, uuidv7, type Page } from '@kz/db';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { GroupEntity } from '../entities/group.entity';
import { MembershipEntity, type GroupRole } from '../entities/membership.entity';
import { OrgMemberEntity } from '../entities/org-member.entity';
import { accessTo, canManageMembers, canSee } from './group-access';
import { MAX_MEMBERS_PER_CALL, validateNewMembers, type AddMemberOutcome, type Candidate, type NewMember } from './add-members';

/** Members per memberships.added event, to keep Kafka messages well under their size limit. */
const MEMBERS_PER_EVENT = 2_000;

export interface CreateGroupInput {
  name: string;
  description?: string | null;
  organizationId?: string | null;
}

export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly defaultRegion: string,
  ) {}

  async create(creatorId: string, input: CreateGroupInput): Promise<GroupEntity> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 120) throw badInput('name', 'A group name needs 1 to 120 characters.');
    const description = input.description?.trim() || null;
    if (description && description.length > 2_000) throw badInput('description', 'A description can be at most 2,000 characters.');
    const orgId = input.organizationId ?? null;
    if (orgId !== null) {
      const member = isUuid(orgId) && (await this.dataSource.getRepository(OrgMemberEntity).existsBy({ orgId, userId: creatorId }));
      if (!member) throw notFound('Organisation');
    }
    return this.outbox.transaction(async (m, emit) => {
      const group = m.getRepository(GroupEntity).create({
        id: uuidv7(),
        orgId,
        parentId: null,
        name,
        description,
        kind: orgId ? 'ORGANIZATION' : 'PRIVATE',
        memberCount: 1,
        createdBy: creatorId,
      });
      await m.getRepository(GroupEntity).insert(group);
      await m.getRepository(MembershipEntity).insert({ groupId: group.id, userId: creatorId, role: 'OWNER' });
      emit([
        createEvent('groups.group.created', {
          key: group.id,
          orgId,
          payload: { groupId: group.id, orgId, parentId: null, name, kind: group.kind, createdBy: creatorId },
        }),
        createEvent('groups.memberships.added', {
          key: group.id,
          orgId,
          payload: { groupId: group.id, members: [{ userId: creatorId, role: 'OWNER' }] },
        }),
      ]);
      return m.getRepository(GroupEntity).findOneByOrFail({ id: group.id });
    });
  }

  /** A group the caller may see; NOT_FOUND for anything else, so existence never leaks. */
  async getVisible(caller: Caller, groupId: string): Promise<GroupEntity> {
    const [group] = await this.visibleByIds(caller, [groupId]);
    if (!group) throw notFound('Group');
    return group;
  }

  /**
   * Members see their groups, organisation admins every group of their
   * organisation, connectors with GROUP_INFO every group of theirs.
   */
  async visibleByIds(caller: Caller, ids: readonly string[]): Promise<GroupEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    if (caller.kind === 'connector') {
      if (!connectorMay(caller, caller.orgId, 'GROUP_INFO')) return [];
      return this.dataSource.getRepository(GroupEntity).findBy({ id: In(valid), orgId: caller.orgId });
    }
    const userId = requireUser(caller).userId;
    return this.dataSource
      .getRepository(GroupEntity)
      .createQueryBuilder('g')
      .where('g.id IN (:...ids)', { ids: valid })
      .andWhere(
        `(EXISTS (SELECT 1 FROM memberships ms WHERE ms.group_id = g.id AND ms.user_id = :userId)
          OR EXISTS (SELECT 1 FROM org_members om WHERE om.org_id = g.org_id AND om.user_id = :userId AND om.role = 'ADMIN'))`,
        { userId },
      )
      .getMany();
  }

  async rolesOf(userId: string, groupIds: readonly string[]): Promise<MembershipEntity[]> {
    return this.dataSource.getRepository(MembershipEntity).findBy({ userId, groupId: In(groupIds.filter(isUuid)) });
  }

  async myGroups(userId: string, first: number | null | undefined, after: string | null | undefined): Promise<Page<GroupEntity>> {
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
  async ofOrganization(caller: Caller, orgId: string, first: number | null | undefined, after: string | null | undefined): Promise<Page<GroupEntity>> {
    if (!isUuid(orgId)) throw notFound('Organisation');
    if (!connectorMay(caller, orgId, 'GROUP_INFO')) {
      if (caller.kind === 'connector') throw notFound('Organisation');
      const userId = requireUser(caller).userId;
      const standing = await this.dataSource.getRepository(OrgMemberEntity).findOneBy({ orgId, userId });
      if (!standing) throw notFound('Organisation');
      if (standing.role !== 'ADMIN') throw forbidden('Only organisation admins can list all of its groups.');
    }
    const limit = pageSize(first, 50, 200);
    if (limit === null) throw badInput('first', 'first must be between 1 and 200.');
    const qb = this.dataSource.getRepository(GroupEntity).createQueryBuilder('g').where('g.org_id = :orgId', { orgId });
    if (after) {
      const [id] = decodeCursor(after, 1);
      if (typeof id !== 'string' || !isUuid(id)) throw new InvalidCursorError('after');
      qb.andWhere('g.id < :id', { id });
    }
    const rows = await qb.orderBy('g.id', 'DESC').limit(limit + 1).getMany();
    return pageFrom(rows, limit, (g) => [g.id], Boolean(after));
  }

  /** Member page of a group the caller may see, in join order. */
  async members(caller: Caller, groupId: string, first: number | null | undefined, after: string | null | undefined) {
    const group = await this.getVisible(caller, groupId);
    if (caller.kind === 'connector' && !connectorMay(caller, group.orgId, 'MEMBER_LISTS')) {
      throw new DomainError('FORBIDDEN', 'This connector was not granted member lists.');
    }
    const limit = pageSize(first, 50, 500);
    if (limit === null) throw badInput('first', 'first must be between 1 and 500.');
    const seq = after ? decodeSeqCursor(after) : '0';
    const rows = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .addSelect('m.seq')
      .where('m.group_id = :groupId AND m.seq > :seq', { groupId, seq })
      .orderBy('m.seq', 'ASC')
      .limit(limit + 1)
      .getMany();
    return { ...pageFrom(rows, limit, (r) => [r.seq], Boolean(after)), totalCount: group.memberCount };
  }

  async addMembers(callerId: string, groupId: string, members: readonly NewMember[]): Promise<{ group: GroupEntity; outcomes: AddMemberOutcome[] }> {
    if (members.length === 0) throw badInput('members', 'Name at least one member to add.');
    if (members.length > MAX_MEMBERS_PER_CALL) {
      throw badInput('members', `At most ${MAX_MEMBERS_PER_CALL.toLocaleString('en')} members can be added in one call; split the list.`);
    }
    const { outcomes, candidates } = validateNewMembers(members, this.defaultRegion);
    const group = await this.outbox.transaction(async (m, emit) => {
      const found = await m.getRepository(GroupEntity).createQueryBuilder('g').setLock('pessimistic_write').where('g.id = :id', { id: isUuid(groupId) ? groupId : null }).getOne();
      if (!found) throw notFound('Group');
      const access = await accessTo(m, found, callerId);
      if (!canSee(access)) throw notFound('Group');
      if (!canManageMembers(access)) throw forbidden('Only the group\'s owner and admins can add members.');
      const phones = [...candidates.keys()].sort();
      if (phones.length > 0) {
        const added = await this.insertMembers(m, found, callerId, phones, candidates, outcomes);
        if (added.length > 0) emit(membershipEvents(found, added));
      }
      return m.getRepository(GroupEntity).findOneByOrFail({ id: found.id });
    });
    return { group, outcomes: outcomes as AddMemberOutcome[] };
  }

  private async insertMembers(
    m: EntityManager,
    group: GroupEntity,
    callerId: string,
    phones: string[],
    candidates: Map<string, Candidate>,
    outcomes: (AddMemberOutcome | null)[],
  ): Promise<{ userId: string; role: GroupRole }[]> {
    // Sign-up activates pending rows under the same per-number lock, so a number
    // registering during this call is never left pending.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext(p)) FROM unnest($1::text[]) AS p ORDER BY p`, [phones]);
    const known = (await m.query(`SELECT id, phone FROM known_users WHERE phone = ANY($1::text[])`, [phones])) as { id: string; phone: string }[];
    const userByPhone = new Map(known.map((k) => [k.phone, k.id]));
    const registered = phones.filter((p) => userByPhone.has(p));
    const unregistered = phones.filter((p) => !userByPhone.has(p));
    const inserted = (await m.query(
      `INSERT INTO memberships (group_id, user_id, role)
       SELECT $1, u, r FROM unnest($2::uuid[], $3::text[]) AS t(u, r)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [group.id, registered.map((p) => userByPhone.get(p)), registered.map((p) => candidates.get(p)!.role)],
    )) as { user_id: string }[];
    const addedIds = new Set(inserted.map((r) => r.user_id));
    for (const phone of registered) {
      const { index, input } = candidates.get(phone)!;
      const userId = userByPhone.get(phone)!;
      outcomes[index] = { phone: input, status: addedIds.has(userId) ? 'ADDED' : 'ALREADY_MEMBER', message: null, userId };
    }
    if (unregistered.length > 0) {
      await m.query(
        `INSERT INTO pending_memberships (group_id, phone, role, invited_by)
         SELECT $1, p, r, $4 FROM unnest($2::text[], $3::text[]) AS t(p, r)
         ON CONFLICT DO NOTHING`,
        [group.id, unregistered, unregistered.map((p) => candidates.get(p)!.role), callerId],
      );
      for (const phone of unregistered) {
        const { index, input } = candidates.get(phone)!;
        outcomes[index] = { phone: input, status: 'PENDING', message: null, userId: null };
      }
    }
    if (addedIds.size > 0) {
      await m.query(`UPDATE groups SET member_count = member_count + $2 WHERE id = $1`, [group.id, addedIds.size]);
    }
    return registered.filter((p) => addedIds.has(userByPhone.get(p)!)).map((p) => ({ userId: userByPhone.get(p)!, role: candidates.get(p)!.role }));
  }
}

/** Ends every membership a person has in an organisation's groups, when they leave the organisation. */
export async function removeFromOrganizationGroups(m: EntityManager, orgId: string, userId: string): Promise<EventEnvelope[]> {
  const removed = (await m.query(
    `WITH gone AS (
       DELETE FROM memberships ms USING groups g
        WHERE ms.group_id = g.id AND g.org_id = $1 AND ms.user_id = $2
       RETURNING ms.group_id)
     SELECT group_id FROM gone`,
    [orgId, userId],
  )) as { group_id: string }[];
  const events: EventEnvelope[] = [];
  for (const { group_id: groupId } of removed) {
    await m.query(`UPDATE groups SET member_count = member_count - 1 WHERE id = $1`, [groupId]);
    events.push(createEvent('groups.memberships.removed', { key: groupId, orgId, payload: { groupId, userIds: [userId] } }));
  }
  return events;
}

/** Turns pending memberships of a newly registered number into memberships. */
export async function activatePendingMemberships(m: EntityManager, userId: string, phone: string): Promise<EventEnvelope[]> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [phone]);
  await m.query(`INSERT INTO known_users (id, phone) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, phone]);
  const pending = (await m.query(`WITH taken AS (DELETE FROM pending_memberships WHERE phone = $1 RETURNING group_id, role) SELECT * FROM taken`, [
    phone,
  ])) as {
    group_id: string;
    role: GroupRole;
  }[];
  const events: EventEnvelope[] = [];
  for (const p of pending) {
    const inserted = (await m.query(
      `INSERT INTO memberships (group_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
      [p.group_id, userId, p.role],
    )) as unknown[];
    if (inserted.length === 0) continue;
    const rows = (await m.query(`WITH counted AS (UPDATE groups SET member_count = member_count + 1 WHERE id = $1 RETURNING id, org_id) SELECT * FROM counted`, [
      p.group_id,
    ])) as {
      id: string;
      org_id: string | null;
    }[];
    events.push(...membershipEvents({ id: p.group_id, orgId: rows[0]?.org_id ?? null }, [{ userId, role: p.role }]));
  }
  return events;
}

function membershipEvents(group: { id: string; orgId: string | null }, members: { userId: string; role: GroupRole }[]): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  for (let i = 0; i < members.length; i += MEMBERS_PER_EVENT) {
    events.push(
      createEvent('groups.memberships.added', {
        key: group.id,
        orgId: group.orgId,
        payload: { groupId: group.id, members: members.slice(i, i + MEMBERS_PER_EVENT) },
      }),
    );
  }
  return events;
}
