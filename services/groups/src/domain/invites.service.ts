import { randomBytes } from 'node:crypto';
import { requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import type { Outbox } from '@kz/events';
import { decodeIdCursor, isUuid, pageFrom, pageSize, uuidv7, type Page } from '@kz/db';
import type { DataSource, EntityManager } from 'typeorm';
import { GroupEntity, type GroupKind } from '../entities/group.entity';
import { InviteLinkEntity } from '../entities/invite-link.entity';
import { JoinRequestEntity } from '../entities/join-request.entity';
import type { GroupRole } from '../entities/membership.entity';
import { groupAuditEntry, inviteLinkAuditEntry } from '../events/audit-entries';
import { inviteAcceptedEvent, joinRequestFiledEvent } from '../events/invite-events';
import { membersAddedEvents } from '../events/membership-events';
import { groupToManage } from './group-access';
import type { OrganizationStanding } from './organization-standing';

export interface NewInviteLink {
  role?: GroupRole | null;
  requiresApproval?: boolean | null;
  expiresAt?: Date | null;
  maxUses?: number | null;
}

export type JoinOutcome = 'JOINED' | 'ALREADY_MEMBER' | 'REQUESTED';

const REMOVED_FROM_ORGANIZATION =
  "You were removed from this group's organisation, so its invite links no longer let you in; ask one of its admins to add you to its directory again.";

/** Whether the organisation removed the person (or they left it) and has not added them back since. */
async function removedFrom(m: EntityManager, orgId: string | null, userId: string): Promise<boolean> {
  if (orgId === null) return false;
  return ((await m.query(`SELECT 1 FROM org_removals WHERE org_id = $1 AND user_id = $2`, [orgId, userId])) as unknown[]).length > 0;
}

/** The token is the last path segment of a link, or the link is the token. */
export function tokenFrom(tokenOrUrl: string): string {
  const trimmed = tokenOrUrl.trim();
  const last = trimmed.split(/[/?#]/).filter(Boolean).at(-1) ?? '';
  return /^https?:/i.test(trimmed) ? (new URL(trimmed).pathname.split('/').filter(Boolean).at(-1) ?? '') : last;
}

/** Why a link cannot be used now, or null when it can. */
export function linkProblem(link: Pick<InviteLinkEntity, 'revokedAt' | 'expiresAt' | 'maxUses' | 'uses'>, now: Date): string | null {
  if (link.revokedAt) return 'This invite link was revoked; ask a group admin for a new one.';
  if (link.expiresAt && link.expiresAt <= now) return `This invite link expired on ${link.expiresAt.toISOString()}; ask a group admin for a new one.`;
  if (link.maxUses !== null && link.uses >= link.maxUses) {
    return `This invite link was already used ${link.maxUses} time${link.maxUses === 1 ? '' : 's'}, its limit; ask a group admin for a new one.`;
  }
  return null;
}

export class InvitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly inviteBaseUrl: string,
  ) {}

  urlOf(link: InviteLinkEntity): string {
    return `${this.inviteBaseUrl}/${link.token}`;
  }

  async create(caller: Caller, standing: OrganizationStanding, groupId: string, input: NewInviteLink, now = new Date()): Promise<InviteLinkEntity> {
    const role = input.role ?? 'MEMBER';
    if (role === 'OWNER') throw badInput('role', 'A link can grant ADMIN or MEMBER.');
    if (input.expiresAt && input.expiresAt <= now) throw badInput('expiresAt', 'The expiry must be in the future.');
    if (input.maxUses !== null && input.maxUses !== undefined && (input.maxUses < 1 || input.maxUses > 1_000_000)) {
      throw badInput('maxUses', 'maxUses must be between 1 and 1,000,000, or left out for no limit.');
    }
    return this.outbox.transaction(async (m, emit) => {
      const { group, userId } = await groupToManage(m, caller, standing, groupId, "Only the group's owner and admins can create invite links.");
      const id = uuidv7();
      await m.getRepository(InviteLinkEntity).insert({
        id,
        groupId: group.id,
        token: randomBytes(16).toString('base64url'),
        role,
        requiresApproval: Boolean(input.requiresApproval),
        expiresAt: input.expiresAt ?? null,
        maxUses: input.maxUses ?? null,
        uses: 0,
        createdBy: userId,
        revokedAt: null,
      });
      const link = await m.getRepository(InviteLinkEntity).findOneByOrFail({ id });
      emit(
        inviteLinkAuditEntry(caller, 'invite-link.created', group, link, {
          after: { role: link.role, requiresApproval: link.requiresApproval, expiresAt: link.expiresAt?.toISOString() ?? null, maxUses: link.maxUses },
        }),
      );
      return link;
    });
  }

  async revoke(caller: Caller, standing: OrganizationStanding, inviteId: string): Promise<InviteLinkEntity> {
    return this.outbox.transaction(async (m, emit) => {
      const link = isUuid(inviteId) ? await m.getRepository(InviteLinkEntity).findOneBy({ id: inviteId }) : null;
      if (!link) throw notFound('Invite link');
      const { group } = await groupToManage(m, caller, standing, link.groupId, "Only the group's owner and admins can revoke invite links.");
      if (!link.revokedAt) {
        await m.getRepository(InviteLinkEntity).update({ id: link.id }, { revokedAt: new Date() });
        emit(inviteLinkAuditEntry(caller, 'invite-link.revoked', group, link));
      }
      return m.getRepository(InviteLinkEntity).findOneByOrFail({ id: link.id });
    });
  }

  async linksOf(groupId: string): Promise<InviteLinkEntity[]> {
    return this.dataSource.getRepository(InviteLinkEntity).find({ where: { groupId }, order: { createdAt: 'DESC' } });
  }

  /** What a link leads to, for someone deciding whether to join. */
  async preview(
    caller: Caller,
    tokenOrUrl: string,
    now = new Date(),
  ): Promise<{ groupName: string; groupAvatarUrl: string | null; groupKind: GroupKind; memberCount: number; requiresApproval: boolean }> {
    const { userId } = requireUser(caller);
    const link = await this.dataSource.getRepository(InviteLinkEntity).findOneBy({ token: tokenFrom(tokenOrUrl) });
    const group = link ? await this.dataSource.getRepository(GroupEntity).findOneBy({ id: link.groupId }) : null;
    if (!link || !group || group.deletedAt) throw notFound('Invite link');
    const problem = linkProblem(link, now);
    if (problem) throw badInput('token', problem);
    if (await removedFrom(this.dataSource.manager, group.orgId, userId)) throw new DomainError('FORBIDDEN', REMOVED_FROM_ORGANIZATION);
    return {
      groupName: group.name,
      groupAvatarUrl: group.avatarUrl,
      groupKind: group.kind,
      memberCount: group.memberCount,
      requiresApproval: link.requiresApproval,
    };
  }

  async join(caller: Caller, tokenOrUrl: string, now = new Date()): Promise<{ outcome: JoinOutcome; group: GroupEntity | null }> {
    const { userId, phone } = requireUser(caller);
    return this.outbox.transaction(async (m, emit) => {
      const link = await m
        .getRepository(InviteLinkEntity)
        .createQueryBuilder('l')
        .setLock('pessimistic_write')
        .where('l.token = :token', { token: tokenFrom(tokenOrUrl) })
        .getOne();
      const group = link ? await m.getRepository(GroupEntity).findOneBy({ id: link.groupId }) : null;
      if (!link || !group || group.deletedAt) throw notFound('Invite link');
      const already = (await m.query(`SELECT 1 FROM memberships WHERE group_id = $1 AND user_id = $2`, [group.id, userId])) as unknown[];
      if (already.length > 0) return { outcome: 'ALREADY_MEMBER', group };
      const problem = linkProblem(link, now);
      if (problem) throw badInput('token', problem);
      if (await removedFrom(m, group.orgId, userId)) throw new DomainError('FORBIDDEN', REMOVED_FROM_ORGANIZATION);
      await m.query(`UPDATE invite_links SET uses = uses + 1 WHERE id = $1`, [link.id]);
      if (link.requiresApproval) {
        const filed = (await m.query(
          `INSERT INTO join_requests (id, group_id, user_id, invite_id, status) VALUES ($1, $2, $3, $4, 'PENDING')
           ON CONFLICT (group_id, user_id) WHERE status = 'PENDING' DO NOTHING RETURNING id`,
          [uuidv7(), group.id, userId, link.id],
        )) as { id: string }[];
        // The admins hear of a request once, when it is filed; asking again while it waits changes nothing.
        if (filed[0]) emit(joinRequestFiledEvent(group, filed[0].id, userId, await orgAdminsOf(m, group.orgId)));
        return { outcome: 'REQUESTED', group: null };
      }
      await this.admit(m, group, userId, phone, link.role);
      emit([...membersAddedEvents(group, [{ userId, role: link.role }], userId), inviteAcceptedEvent(group, link.id, userId)]);
      return { outcome: 'JOINED', group: await m.getRepository(GroupEntity).findOneByOrFail({ id: group.id }) };
    });
  }

  async decide(caller: Caller, standing: OrganizationStanding, requestId: string, accept: boolean): Promise<JoinRequestEntity> {
    return this.outbox.transaction(async (m, emit) => {
      const request = isUuid(requestId) ? await m.getRepository(JoinRequestEntity).findOneBy({ id: requestId }) : null;
      if (!request) throw notFound('Join request');
      const { group, userId: adminId } = await groupToManage(m, caller, standing, request.groupId, "Only the group's owner and admins decide join requests.");
      if (request.status !== 'PENDING') throw new DomainError('CONFLICT', `This request was already ${request.status.toLowerCase()}.`);
      if (accept && (await removedFrom(m, group.orgId, request.userId))) {
        throw new DomainError('CONFLICT', 'This person was removed from the organisation; add them to its directory again before accepting them.');
      }
      await m
        .getRepository(JoinRequestEntity)
        .update({ id: request.id }, { status: accept ? 'ACCEPTED' : 'DECLINED', decidedBy: adminId, decidedAt: new Date() });
      emit(groupAuditEntry(caller, accept ? 'join-request.approved' : 'join-request.declined', group, { after: { userId: request.userId } }));
      if (accept) {
        const link = await m.getRepository(InviteLinkEntity).findOneByOrFail({ id: request.inviteId });
        const known = (await m.query(`SELECT phone FROM known_users WHERE id = $1`, [request.userId])) as { phone: string }[];
        if (await this.admit(m, group, request.userId, known[0]?.phone ?? '', link.role)) {
          emit([...membersAddedEvents(group, [{ userId: request.userId, role: link.role }], adminId), inviteAcceptedEvent(group, link.id, request.userId)]);
        }
      }
      return m.getRepository(JoinRequestEntity).findOneByOrFail({ id: request.id });
    });
  }

  async pendingRequests(groupId: string, first: number | null | undefined, after: string | null | undefined): Promise<Page<JoinRequestEntity>> {
    const limit = pageSize(first, 50, 200);
    if (limit === null) throw badInput('first', 'first must be between 1 and 200.');
    const qb = this.dataSource.getRepository(JoinRequestEntity).createQueryBuilder('r').where(`r.group_id = :groupId AND r.status = 'PENDING'`, { groupId });
    if (after) {
      qb.andWhere('r.id > :afterId', { afterId: decodeIdCursor(after) });
    }
    const rows = await qb
      .orderBy('r.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return pageFrom(rows, limit, (r) => [r.id], Boolean(after));
  }

  /** Adds one member; false when they already were one. */
  private async admit(m: EntityManager, group: GroupEntity, userId: string, phone: string, role: GroupRole): Promise<boolean> {
    await m.query(`INSERT INTO known_users (id, phone, name_key) VALUES ($1, $2, '') ON CONFLICT DO NOTHING`, [userId, phone]);
    const inserted = (await m.query(
      `INSERT INTO memberships (group_id, user_id, role, name_key, phone)
       SELECT $1, k.id, $3, k.name_key, k.phone FROM known_users k WHERE k.id = $2
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [group.id, userId, role],
    )) as unknown[];
    if (inserted.length > 0) await m.query(`UPDATE groups SET member_count = member_count + 1 WHERE id = $1`, [group.id]);
    return inserted.length > 0;
  }
}

/** Organisations have a handful of admins; past this many, the group's own admins and the first ones are told. */
const ORG_ADMINS_TOLD = 50;

/** An organisation's admins, who may decide its groups' join requests (none for a group of no organisation). */
async function orgAdminsOf(m: EntityManager, orgId: string | null): Promise<string[]> {
  if (!orgId) return [];
  const rows = (await m.query(`SELECT user_id FROM org_members WHERE org_id = $1 AND role = 'ADMIN' ORDER BY user_id LIMIT $2`, [orgId, ORG_ADMINS_TOLD])) as {
    user_id: string;
  }[];
  return rows.map((r) => r.user_id);
}
