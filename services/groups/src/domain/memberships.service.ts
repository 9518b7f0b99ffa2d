import { actingUploader, connectorMay, requireUser, type Caller, type VouchedPerson } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import type { EventEnvelope, Outbox } from '@kz/events';
import { decodeCursor, decodeNameCursor, decodeSeqCursor, InvalidCursorError, isUuid, pageFrom, pageSize, rememberedResponse, type Page } from '@kz/db';
import type { DataSource, EntityManager } from 'typeorm';
import { GroupEntity } from '../entities/group.entity';
import { MembershipEntity, type GroupRole } from '../entities/membership.entity';
import { AUDITED_IDS_MAX, groupAuditEntry } from '../events/audit-entries';
import { membersAddedEvents, membersRemovedEvents, phonesInvitedEvents, rolesChangedEvents } from '../events/membership-events';
import { invalidUnregistered, MAX_MEMBERS_PER_CALL, validateNewMembers, type AddMemberOutcome, type Candidate, type NewMember } from './add-members';
import { groupToManage, isAdminRole, organizationOfGroup } from './group-access';
import type { OrganizationStanding } from './organization-standing';

export type RemoveMemberStatus = 'REMOVED' | 'NOT_A_MEMBER' | 'INVALID' | 'NOT_ALLOWED';

export interface RemoveMemberOutcome {
  userId: string;
  status: RemoveMemberStatus;
  message: string | null;
}

export interface MemberQuery {
  first?: number | null;
  after?: string | null;
  /** Prefix of a name, or of a phone number when it starts with + or a digit. */
  search?: string | null;
  role?: GroupRole | null;
}

const LAST_ADMIN = 'A group needs at least one admin: make someone else admin first.';

/** Advisory-lock key space of phone-number buckets, and the bucket of a number (SQL). */
const PHONE_LOCK_SPACE = 4_201;
const PHONE_BUCKET = (expr: string) => `(hashtext(${expr}) & 255)`;

export class MembershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly defaultRegion: string,
    /** The people a directory receipt from identity vouches for; null when it is not a valid receipt. */
    private readonly readReceipt: (receipt: string) => Promise<VouchedPerson[] | null> = async () => null,
  ) {}

  /**
   * With a `requestKey`, a retry of a call that committed answers as the first
   * attempt did and adds nothing. With a directory `receipt`, the people it
   * vouches for are added at once, even before identity's events arrive (an
   * invalid or expired receipt only means they wait as pending).
   */
  async add(
    caller: Caller,
    standing: OrganizationStanding,
    groupId: string,
    members: readonly NewMember[],
    opts: { requestKey?: string | null; receipt?: string | null } = {},
  ): Promise<{ group: GroupEntity; outcomes: AddMemberOutcome[] }> {
    const requestKey = opts.requestKey ?? null;
    if (members.length === 0) throw badInput('members', 'Name at least one member to add.');
    if (members.length > MAX_MEMBERS_PER_CALL) {
      throw badInput('members', `At most ${MAX_MEMBERS_PER_CALL.toLocaleString('en')} members can be added in one call; split the list.`);
    }
    if (requestKey !== null && (requestKey.length === 0 || requestKey.length > 200)) throw badInput('requestKey', 'A request key needs 1 to 200 characters.');
    if (opts.receipt) await this.rememberVouched(opts.receipt, members);
    return this.outbox.transaction(async (m, emit) => {
      // The group row is locked only by the count update at the end, so bulk adds to one group overlap.
      const actor = caller.kind === 'import' ? actingUploader(caller, await organizationOfGroup(m, groupId)) : caller;
      const { group: found, userId: callerId } = await groupToManage(m, actor, standing, groupId, "Only the group's owner and admins can add members.", {
        lock: false,
      });
      const insert = async (): Promise<AddMemberOutcome[]> => {
        const { outcomes, candidates } = validateNewMembers(members, this.defaultRegion);
        const phones = [...candidates.keys()].sort();
        if (phones.length > 0) {
          const { added, invited } = await this.insertMembers(m, found, callerId, phones, candidates, outcomes);
          if (added.length > 0) emit(membersAddedEvents(found, added, callerId));
          // Texted once: a number already pending in this group was invited, and texted, before.
          if (invited.length > 0) emit(phonesInvitedEvents(found, callerId, invited));
          // One entry for the call, by its own caller (an import says so); a replay answers from memory and writes none.
          const count = added.length + invited.length;
          if (count > 0) emit(groupAuditEntry(caller, 'group.members-added', found, { count }));
        }
        return outcomes as AddMemberOutcome[];
      };
      const outcomes = requestKey === null ? await insert() : await rememberedResponse(m, `add-members:${callerId}:${found.id}:${requestKey}`, insert);
      return { group: await m.getRepository(GroupEntity).findOneByOrFail({ id: found.id }), outcomes };
    });
  }

  /**
   * People identity vouches for become known now rather than when its events
   * arrive. A fact identity signed, so it is recorded in a transaction of its
   * own, before the add takes any lock.
   */
  private async rememberVouched(receipt: string, members: readonly NewMember[]): Promise<void> {
    const requested = new Set(members.map((m) => m.phone));
    const people = ((await this.readReceipt(receipt)) ?? []).filter((p) => requested.has(p.phone)).sort((a, b) => (a.phone < b.phone ? -1 : 1));
    if (people.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO known_users (id, phone, name_key) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [people.map((p) => p.userId), people.map((p) => p.phone), people.map((p) => p.displayName.toLowerCase())],
    );
  }

  /** Admins remove members in bulk; the group always keeps an admin. */
  async remove(
    caller: Caller,
    standing: OrganizationStanding,
    groupId: string,
    userIds: readonly string[],
  ): Promise<{ group: GroupEntity; outcomes: RemoveMemberOutcome[] }> {
    if (userIds.length === 0) throw badInput('userIds', 'Name at least one member to remove.');
    if (userIds.length > MAX_MEMBERS_PER_CALL) {
      throw badInput('userIds', `At most ${MAX_MEMBERS_PER_CALL.toLocaleString('en')} members can be removed in one call; split the list.`);
    }
    return this.outbox.transaction(async (m, emit) => {
      const { group, userId: callerId } = await groupToManage(m, caller, standing, groupId, "Only the group's owner and admins can remove members.");
      const outcomes: RemoveMemberOutcome[] = userIds.map((userId) => ({ userId, status: 'INVALID', message: 'This is not a user id.' }));
      const valid = [...new Set(userIds.filter(isUuid))];
      const current = (await m.query(`SELECT user_id, role FROM memberships WHERE group_id = $1 AND user_id = ANY($2::uuid[])`, [group.id, valid])) as {
        user_id: string;
        role: GroupRole;
      }[];
      const roleOf = new Map(current.map((r) => [r.user_id, r.role]));
      const adminsLeft = await this.adminCount(m, group.id);
      const removingAdmins = current.filter((r) => isAdminRole(r.role)).length;
      const keepOneAdmin = removingAdmins > 0 && removingAdmins >= adminsLeft;
      const toRemove = valid.filter((id) => roleOf.has(id) && !(keepOneAdmin && isAdminRole(roleOf.get(id)!)));
      if (toRemove.length > 0) {
        await m.query(`DELETE FROM memberships WHERE group_id = $1 AND user_id = ANY($2::uuid[])`, [group.id, toRemove]);
        await m.query(`UPDATE groups SET member_count = member_count - $2 WHERE id = $1`, [group.id, toRemove.length]);
        emit([
          ...membersRemovedEvents(group, toRemove, callerId),
          ...groupAuditEntry(caller, 'group.members-removed', group, {
            count: toRemove.length,
            before: toRemove.length <= AUDITED_IDS_MAX ? { userIds: toRemove } : null,
          }),
        ]);
      }
      const removed = new Set(toRemove);
      userIds.forEach((userId, i) => {
        if (!isUuid(userId)) return;
        if (removed.has(userId)) outcomes[i] = { userId, status: 'REMOVED', message: null };
        else if (roleOf.has(userId)) outcomes[i] = { userId, status: 'NOT_ALLOWED', message: LAST_ADMIN };
        else outcomes[i] = { userId, status: 'NOT_A_MEMBER', message: null };
      });
      return { group: await m.getRepository(GroupEntity).findOneByOrFail({ id: group.id }), outcomes };
    });
  }

  async setRole(caller: Caller, standing: OrganizationStanding, groupId: string, userId: string, role: GroupRole): Promise<MembershipEntity> {
    if (role === 'OWNER') throw badInput('role', 'Members can be made ADMIN or MEMBER.');
    return this.outbox.transaction(async (m, emit) => {
      const { group, userId: callerId } = await groupToManage(m, caller, standing, groupId, "Only the group's owner and admins can change roles.");
      const membership = isUuid(userId) ? await m.getRepository(MembershipEntity).findOneBy({ groupId: group.id, userId }) : null;
      if (!membership) throw notFound('Member of this group');
      if (membership.role === role) return membership;
      if (membership.role === 'OWNER') throw new DomainError('CONFLICT', 'The owner stays an admin of the group.');
      if (role === 'MEMBER' && (await this.adminCount(m, group.id)) <= 1) throw new DomainError('CONFLICT', LAST_ADMIN);
      await m.getRepository(MembershipEntity).update({ groupId: group.id, userId }, { role });
      emit([
        ...rolesChangedEvents(group, [{ userId, role }], callerId),
        ...groupAuditEntry(caller, 'group.role-changed', group, { before: { userId, role: membership.role }, after: { userId, role } }),
      ]);
      return m.getRepository(MembershipEntity).findOneByOrFail({ groupId: group.id, userId });
    });
  }

  async leave(caller: Caller, groupId: string): Promise<void> {
    const userId = requireUser(caller).userId;
    await this.outbox.transaction(async (m, emit) => {
      const group = isUuid(groupId)
        ? await m
            .getRepository(GroupEntity)
            .createQueryBuilder('g')
            .setLock('pessimistic_write')
            .where('g.id = :groupId AND g.deleted_at IS NULL', { groupId })
            .getOne()
        : null;
      const membership = group ? await m.getRepository(MembershipEntity).findOneBy({ groupId: group.id, userId }) : null;
      if (!group || !membership) throw notFound('Group');
      if (isAdminRole(membership.role) && (await this.adminCount(m, group.id)) <= 1 && group.memberCount > 1) {
        throw new DomainError('CONFLICT', 'You are the last admin: make someone else admin before leaving.');
      }
      await m.query(`DELETE FROM memberships WHERE group_id = $1 AND user_id = $2`, [group.id, userId]);
      await m.query(`UPDATE groups SET member_count = member_count - 1 WHERE id = $1`, [group.id]);
      emit(membersRemovedEvents(group, [userId], userId));
    });
  }

  /**
   * A page of members of a group the caller was already allowed to see: join order, or name/phone order when
   * searching. Who sees whom: the group's admins, its
   * organisation's admins and connectors granted MEMBER_LISTS see every member and may search them by phone number;
   * other members search by name only, and in a broadcast group see its admins and themselves (subscribers are not
   * shown to one another).
   */
  async list(caller: Caller, standing: OrganizationStanding, group: GroupEntity, query: MemberQuery): Promise<Page<MembershipEntity> & { totalCount: number }> {
    if (caller.kind === 'connector' && !connectorMay(caller, group.orgId, 'MEMBER_LISTS')) {
      throw new DomainError('FORBIDDEN', 'This connector was not granted member lists.');
    }
    const limit = pageSize(query.first, 50, 500);
    if (limit === null) throw badInput('first', 'first must be between 1 and 500.');
    const search = query.search?.trim();
    const phoneSearch = Boolean(search && /^[+\d]/.test(search));
    // Asked only where it matters, so an ordinary member's page costs no call to identity.
    const restrictedTo = phoneSearch || group.kind === 'BROADCAST' ? await this.restrictedViewer(caller, standing, group) : null;
    if (phoneSearch && restrictedTo !== null) {
      throw new DomainError('FORBIDDEN', "Only the group's admins and its organisation's admins can search members by phone number; search by name instead.");
    }
    const qb = this.dataSource.getRepository(MembershipEntity).createQueryBuilder('m').addSelect('m.seq').where('m.group_id = :groupId', { groupId: group.id });
    if (restrictedTo !== null) qb.andWhere(`(m.role IN ('OWNER', 'ADMIN') OR m.user_id = :viewer)`, { viewer: restrictedTo });
    if (query.role) qb.andWhere('m.role = :role', { role: query.role });
    let keyOf: (row: MembershipEntity) => (string | number)[];
    if (search && phoneSearch) {
      qb.andWhere(`m.phone >= :phone AND m.phone < :phone || chr(1114111)`, { phone: search.replace(/[^\d+]/g, '') });
      if (query.after) {
        const [phone] = decodeCursor(query.after, 1);
        if (typeof phone !== 'string') throw new InvalidCursorError('after');
        qb.andWhere('m.phone > :afterPhone', { afterPhone: phone });
      }
      qb.orderBy('m.phone', 'ASC');
      keyOf = (r) => [r.phone];
    } else if (search) {
      qb.andWhere(`m.name_key >= :name AND m.name_key < :name || chr(1114111)`, { name: search.toLowerCase() });
      if (query.after) {
        const { nameKey, userId } = decodeNameCursor(query.after);
        qb.andWhere('(m.name_key, m.user_id) > (:nameKey, :afterUser)', { nameKey, afterUser: userId });
      }
      qb.orderBy('m.name_key', 'ASC').addOrderBy('m.user_id', 'ASC');
      keyOf = (r) => [r.nameKey, r.userId];
    } else {
      if (query.after) qb.andWhere('m.seq > :seq', { seq: decodeSeqCursor(query.after) });
      qb.orderBy('m.seq', 'ASC');
      keyOf = (r) => [r.seq];
    }
    const rows = await qb.limit(limit + 1).getMany();
    return { ...pageFrom(rows, limit, keyOf, Boolean(query.after)), totalCount: group.memberCount };
  }

  /** Null for a caller who sees every member (see list); else the person whose view is restricted. */
  private async restrictedViewer(caller: Caller, standing: OrganizationStanding, group: GroupEntity): Promise<string | null> {
    if (caller.kind === 'connector') return null;
    const { userId } = requireUser(caller);
    const rows = (await this.dataSource.query(`SELECT role FROM memberships WHERE group_id = $1 AND user_id = $2`, [group.id, userId])) as {
      role: GroupRole;
    }[];
    if (isAdminRole(rows[0]?.role)) return null;
    if (group.orgId !== null && (await standing.isAdmin(this.dataSource.manager, group.orgId, 'read'))) return null;
    return userId;
  }

  private async adminCount(m: EntityManager, groupId: string): Promise<number> {
    const rows = (await m.query(`SELECT count(*)::int AS n FROM memberships WHERE group_id = $1 AND role IN ('OWNER', 'ADMIN')`, [groupId])) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  private async insertMembers(
    m: EntityManager,
    group: GroupEntity,
    callerId: string,
    phones: string[],
    candidates: Map<string, Candidate>,
    outcomes: (AddMemberOutcome | null)[],
  ): Promise<{ added: { userId: string; role: GroupRole }[]; invited: string[] }> {
    const readKnown = async (numbers: string[]) =>
      new Map(
        ((await m.query(`SELECT id, phone FROM known_users WHERE phone = ANY($1::text[])`, [numbers])) as { id: string; phone: string }[]).map((k) => [
          k.phone,
          k.id,
        ]),
      );
    const userByPhone = await readKnown(phones);
    let unknown = phones.filter((p) => !userByPhone.has(p));
    if (unknown.length > 0) {
      // Only numbers about to wait as pending need the locks. Sign-up activates
      // pending rows under the exclusive lock of its number's bucket, so a
      // number registering during this call is never left pending; adds share
      // the locks among themselves. Numbers fall in 256 buckets, locked in a
      // fixed order; once held, the numbers are looked up again.
      await m.query(
        `SELECT pg_advisory_xact_lock_shared(${PHONE_LOCK_SPACE}, b) FROM (SELECT DISTINCT ${PHONE_BUCKET('p')} AS b FROM unnest($1::text[]) AS p) buckets ORDER BY b`,
        [unknown],
      );
      for (const [phone, id] of await readKnown(unknown)) userByPhone.set(phone, id);
      unknown = unknown.filter((p) => !userByPhone.has(p));
    }
    const registered = phones.filter((p) => userByPhone.has(p));
    const unregistered: string[] = [];
    for (const phone of unknown) {
      const candidate = candidates.get(phone)!;
      const problem = invalidUnregistered(candidate, phone, this.defaultRegion);
      if (problem) outcomes[candidate.index] = { phone: candidate.input, status: 'INVALID', message: problem, userId: null };
      else unregistered.push(phone);
    }
    const inserted = (await m.query(
      `INSERT INTO memberships (group_id, user_id, role, name_key, phone)
       SELECT $1, k.id, t.r, k.name_key, k.phone FROM unnest($2::uuid[], $3::text[]) AS t(u, r) JOIN known_users k ON k.id = t.u
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [group.id, registered.map((p) => userByPhone.get(p)), registered.map((p) => candidates.get(p)!.role)],
    )) as { user_id: string }[];
    const addedIds = new Set(inserted.map((r) => r.user_id));
    for (const phone of registered) {
      const { index, input } = candidates.get(phone)!;
      const userId = userByPhone.get(phone)!;
      outcomes[index] = { phone: input, status: addedIds.has(userId) ? 'ADDED' : 'ALREADY_MEMBER', message: null, userId };
    }
    let invited: string[] = [];
    if (unregistered.length > 0) {
      const pending = (await m.query(
        `INSERT INTO pending_memberships (group_id, phone, role, invited_by)
         SELECT $1, p, r, $4 FROM unnest($2::text[], $3::text[]) AS t(p, r)
         ON CONFLICT DO NOTHING RETURNING phone`,
        [group.id, unregistered, unregistered.map((p) => candidates.get(p)!.role), callerId],
      )) as { phone: string }[];
      invited = pending.map((r) => r.phone);
      for (const phone of unregistered) {
        const { index, input } = candidates.get(phone)!;
        outcomes[index] = { phone: input, status: 'PENDING', message: null, userId: null };
      }
    }
    if (addedIds.size > 0) {
      // Waits for a concurrent delete of the group, and sees it: then nothing of this call stays.
      const counted = (await m.query(
        `WITH c AS (UPDATE groups SET member_count = member_count + $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id) SELECT id FROM c`,
        [group.id, addedIds.size],
      )) as unknown[];
      if (counted.length === 0) throw notFound('Group');
    }
    const added = registered.filter((p) => addedIds.has(userByPhone.get(p)!)).map((p) => ({ userId: userByPhone.get(p)!, role: candidates.get(p)!.role }));
    return { added, invited };
  }
}

/**
 * Records newly registered people (one, or a bulk import's batch) and turns
 * their pending memberships into memberships, set-based: one statement per
 * step however many people, one count update and event batch per group.
 */
export async function activatePendingMemberships(
  m: EntityManager,
  users: readonly { userId: string; phone: string; displayName: string }[],
): Promise<EventEnvelope[]> {
  // In number order, as bulk adds insert vouched people: concurrent inserts of the same rows never wait on each other in a cycle.
  const sorted = [...users].sort((a, b) => (a.phone < b.phone ? -1 : a.phone > b.phone ? 1 : 0));
  const ids = sorted.map((u) => u.userId);
  const phones = sorted.map((u) => u.phone);
  const nameKeys = sorted.map((u) => u.displayName.toLowerCase());
  // Exclusive bucket locks, in the order bulk adds take them shared: no add of these numbers is half done.
  await m.query(
    `SELECT pg_advisory_xact_lock(${PHONE_LOCK_SPACE}, b) FROM (SELECT DISTINCT ${PHONE_BUCKET('p')} AS b FROM unnest($1::text[]) AS p) buckets ORDER BY b`,
    [phones],
  );
  // Someone who joined by link before this event arrived is already known, without a name; people a
  // directory receipt vouched for are known already. Only missing rows are written, only changed names updated.
  await m.query(`INSERT INTO known_users (id, phone, name_key) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`, [
    ids,
    phones,
    nameKeys,
  ]);
  const current = new Map(
    ((await m.query(`SELECT id, name_key FROM known_users WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; name_key: string }[]).map((k) => [
      k.id,
      k.name_key,
    ]),
  );
  const renamed = sorted.filter((u, i) => current.get(u.userId) !== nameKeys[i]);
  if (renamed.length > 0) {
    await m.query(`UPDATE known_users k SET name_key = t.n FROM unnest($1::uuid[], $2::text[]) AS t(u, n) WHERE k.id = t.u`, [
      renamed.map((u) => u.userId),
      renamed.map((u) => u.displayName.toLowerCase()),
    ]);
  }
  await m.query(`UPDATE memberships SET name_key = t.k FROM unnest($1::uuid[], $2::text[]) AS t(u, k) WHERE user_id = t.u AND name_key = ''`, [ids, nameKeys]);
  // Invitations to the groups of an organisation that removed them end unused (its removal may have arrived first).
  await m.query(
    `DELETE FROM pending_memberships pm USING groups g, org_removals r, known_users k
      WHERE pm.phone = ANY($1::text[]) AND g.id = pm.group_id AND r.org_id = g.org_id AND k.id = r.user_id AND k.phone = pm.phone`,
    [phones],
  );
  const activated = (await m.query(
    `WITH taken AS (DELETE FROM pending_memberships WHERE phone = ANY($1::text[]) RETURNING group_id, phone, role),
          added AS (
            INSERT INTO memberships (group_id, user_id, role, name_key, phone)
            SELECT t.group_id, k.id, t.role, k.name_key, k.phone FROM taken t JOIN known_users k ON k.phone = t.phone
            ON CONFLICT DO NOTHING RETURNING group_id, user_id, role)
     SELECT group_id, user_id, role FROM added ORDER BY group_id`,
    [phones],
  )) as { group_id: string; user_id: string; role: GroupRole }[];
  const byGroup = new Map<string, { userId: string; role: GroupRole }[]>();
  for (const row of activated) {
    const list = byGroup.get(row.group_id) ?? [];
    list.push({ userId: row.user_id, role: row.role });
    byGroup.set(row.group_id, list);
  }
  const events: EventEnvelope[] = [];
  for (const [groupId, members] of byGroup) {
    const rows = (await m.query(
      `WITH counted AS (UPDATE groups SET member_count = member_count + $2 WHERE id = $1 RETURNING id, org_id) SELECT * FROM counted`,
      [groupId, members.length],
    )) as { id: string; org_id: string | null }[];
    events.push(...membersAddedEvents({ id: groupId, orgId: rows[0]?.org_id ?? null }, members, null));
  }
  return events;
}

export async function syncProfile(m: EntityManager, userId: string, displayName: string): Promise<void> {
  const nameKey = displayName.toLowerCase();
  await m.query(`UPDATE known_users SET name_key = $2 WHERE id = $1`, [userId, nameKey]);
  await m.query(`UPDATE memberships SET name_key = $2 WHERE user_id = $1`, [userId, nameKey]);
}

/** Ends every membership a person has in an organisation's groups, and what would let them back in, when they leave the organisation. */
export async function removeFromOrganizationGroups(m: EntityManager, orgId: string, userId: string): Promise<EventEnvelope[]> {
  // What would let them back in ends too: phone invitations to the organisation's groups waiting for their sign-up,
  // and join requests no admin has decided yet (declined by no one in particular).
  await m.query(
    `DELETE FROM pending_memberships pm USING groups g, known_users k
      WHERE pm.group_id = g.id AND g.org_id = $1 AND k.id = $2 AND pm.phone = k.phone`,
    [orgId, userId],
  );
  await m.query(
    `UPDATE join_requests r SET status = 'DECLINED', decided_at = now()
      FROM groups g WHERE r.group_id = g.id AND g.org_id = $1 AND r.user_id = $2 AND r.status = 'PENDING'`,
    [orgId, userId],
  );
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
    events.push(...membersRemovedEvents({ id: groupId, orgId }, [userId], null));
  }
  return events;
}
