import type { Caller } from '@kz/auth';
import { connectorMay, requireUser } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { auditActor, auditEvent, createEvent, type EmitEvents, type Outbox } from '@kz/events';
import { isUuid, uuidv7 } from '@kz/db';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import { OrganizationMemberEntity, type Network, type OrganizationRole } from '../entities/organization-member.entity';
import { OrganizationEntity } from '../entities/organization.entity';
import { UserEntity } from '../entities/user.entity';
import { changeNetworks, checkBulkUserIds, LAST_ADMIN, removeMembers, type NetworkChangeOutcome, type RemovalOutcome } from './member-changes';
import { personTarget } from './audit/audit-targets';
import { requireOrgAdmin, standingIn } from './org-access';

function validName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 120) throw badInput('name', 'An organisation name needs 1 to 120 characters.');
  return name;
}

/** A hundred years: the longest a retention period may be. */
export const MAX_RETENTION_DAYS = 36_500;

/** Bulk entries list the people they touched up to this many; past it, the count says how many. */
const AUDITED_IDS = 20;

async function auditNetworkChanges(
  m: EntityManager,
  emit: EmitEvents,
  caller: Caller,
  orgId: string,
  outcomes: readonly { userId: string; status: string }[],
  network: Network,
): Promise<void> {
  const moved = [...new Set(outcomes.filter((o) => o.status === 'CHANGED').map((o) => o.userId))];
  if (moved.length === 0) return;
  const target = moved.length === 1 ? await personTarget(m, moved[0]!) : { type: 'organization', id: orgId };
  emit(
    auditEvent({
      orgId,
      action: 'directory.network-changed',
      actor: auditActor(caller),
      target,
      after: { network, ...(moved.length > 1 && moved.length <= AUDITED_IDS ? { userIds: moved } : {}) },
      count: moved.length,
    }),
  );
}

export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async create(creatorId: string, rawName: string): Promise<OrganizationEntity> {
    const name = validName(rawName);
    return this.outbox.transaction(async (m, emit) => {
      const creator = await m.getRepository(UserEntity).findOneByOrFail({ id: creatorId });
      const org = m.getRepository(OrganizationEntity).create({ id: uuidv7(), name, createdBy: creatorId });
      await m.getRepository(OrganizationEntity).insert(org);
      await m.getRepository(OrganizationMemberEntity).insert({
        orgId: org.id,
        userId: creatorId,
        role: 'ADMIN',
        network: 'EMPLOYEE',
        nameKey: creator.displayName.toLowerCase(),
        phone: creator.phone,
        attributes: {},
      });
      emit([
        createEvent('identity.organization.created', { key: org.id, orgId: org.id, payload: { orgId: org.id, name, createdBy: creatorId } }),
        auditEvent({
          orgId: org.id,
          action: 'organization.created',
          actor: auditActor({ kind: 'user', userId: creatorId }),
          target: { type: 'organization', id: org.id, name },
          after: { name },
        }),
        createEvent('identity.organization.member-added', {
          key: org.id,
          orgId: org.id,
          payload: { orgId: org.id, userId: creatorId, role: 'ADMIN', network: 'EMPLOYEE' },
        }),
      ]);
      return m.getRepository(OrganizationEntity).findOneByOrFail({ id: org.id });
    });
  }

  /** An organisation as seen by a member or a connector granted its data (or its audit log); anyone else is told it does not exist. */
  async getVisible(caller: Caller, orgId: string): Promise<OrganizationEntity> {
    if (!isUuid(orgId)) throw notFound('Organisation');
    const visible =
      connectorMay(caller, orgId, 'ORGANIZATION_DATA') ||
      // A SIEM's connector reaches the organisation for its audit log alone; its other fields check their own grants.
      connectorMay(caller, orgId, 'AUDIT_LOG') ||
      (caller.kind === 'user' && (await standingIn(this.dataSource.manager, orgId, caller.userId)) !== null);
    if (!visible) throw notFound('Organisation');
    return this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: orgId });
  }

  async rename(caller: Caller, orgId: string, rawName: string): Promise<OrganizationEntity> {
    const name = validName(rawName);
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId);
      const was = await m.getRepository(OrganizationEntity).findOneByOrFail({ id: orgId });
      await m.getRepository(OrganizationEntity).update({ id: orgId }, { name });
      emit(createEvent('identity.organization.updated', { key: orgId, orgId, payload: { orgId, name } }));
      if (was.name !== name) {
        emit(
          auditEvent({
            orgId,
            action: 'organization.renamed',
            actor: auditActor(caller),
            target: { type: 'organization', id: orgId, name },
            before: { name: was.name },
            after: { name },
          }),
        );
      }
      return m.getRepository(OrganizationEntity).findOneByOrFail({ id: orgId });
    });
  }

  /** Whether the caller is one of the organisation's admins. */
  async administers(caller: Caller, orgId: string): Promise<boolean> {
    return caller.kind === 'user' && (await standingIn(this.dataSource.manager, orgId, caller.userId))?.role === 'ADMIN';
  }

  /** How long the organisation keeps its messages (and their files): 1 to 36,500 days, or null for ever. Admins only. */
  async setMessageRetention(caller: Caller, orgId: string, keepDays: number | null): Promise<OrganizationEntity> {
    if (keepDays !== null && (!Number.isInteger(keepDays) || keepDays < 1 || keepDays > MAX_RETENTION_DAYS)) {
      throw badInput('keepDays', `Keep messages for 1 to ${MAX_RETENTION_DAYS.toLocaleString('en')} days, or leave it empty to keep them for ever.`);
    }
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId, true);
      const was = await m.getRepository(OrganizationEntity).findOneByOrFail({ id: orgId });
      if (was.messageRetentionDays !== keepDays) {
        await m.getRepository(OrganizationEntity).update({ id: orgId }, { messageRetentionDays: keepDays });
        emit([
          createEvent('identity.organization.retention-changed', { key: orgId, orgId, payload: { orgId, keepDays } }),
          auditEvent({
            orgId,
            action: 'retention.organization-policy-set',
            actor: auditActor(caller),
            target: { type: 'organization', id: orgId, name: was.name },
            before: { keepDays: was.messageRetentionDays },
            after: { keepDays },
          }),
        ]);
      }
      return m.getRepository(OrganizationEntity).findOneByOrFail({ id: orgId });
    });
  }

  /** Makes a member an admin or an admin a member; the last admin stays. */
  async setRole(caller: Caller, orgId: string, userId: string, role: OrganizationRole): Promise<OrganizationMemberEntity> {
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId, true);
      const member = await this.member(m, orgId, userId);
      if (member.role === role) return member;
      if (role === 'MEMBER') await this.assertAnotherAdmin(m, orgId, userId);
      await m.getRepository(OrganizationMemberEntity).update({ orgId, userId }, { role });
      emit(createEvent('identity.organization.member-role-changed', { key: orgId, orgId, payload: { orgId, userId, role } }));
      emit(
        auditEvent({
          orgId,
          action: 'organization.role-changed',
          actor: auditActor(caller),
          target: await personTarget(m, userId),
          before: { role: member.role },
          after: { role },
        }),
      );
      return this.member(m, orgId, userId);
    });
  }

  async setNetwork(caller: Caller, orgId: string, userId: string, network: Network): Promise<OrganizationMemberEntity> {
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId);
      const outcomes = await changeNetworks(m, emit, orgId, [userId], network);
      const [outcome] = outcomes;
      if (!outcome?.member) throw notFound('Member of this organisation');
      await auditNetworkChanges(m, emit, caller, orgId, outcomes, network);
      return outcome.member;
    });
  }

  /** The bulk form of setNetwork: one outcome per id in input order instead of an error for someone not in the organisation. */
  async setNetworks(caller: Caller, orgId: string, userIds: readonly string[], network: Network): Promise<NetworkChangeOutcome[]> {
    checkBulkUserIds(userIds);
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId);
      const outcomes = await changeNetworks(m, emit, orgId, userIds, network);
      await auditNetworkChanges(m, emit, caller, orgId, outcomes, network);
      return outcomes;
    });
  }

  /** Removes someone from the organisation; the groups service ends their organisation group memberships on the event. */
  async removeMember(caller: Caller, orgId: string, userId: string): Promise<void> {
    await this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId, true);
      const target = await personTarget(m, userId);
      const outcomes = await removeMembers(m, emit, orgId, [userId]);
      const [outcome] = outcomes;
      if (outcome?.status === 'NOT_FOUND') throw notFound('Member of this organisation');
      if (outcome?.status === 'LAST_ADMIN') throw new DomainError('CONFLICT', LAST_ADMIN);
      emit(auditEvent({ orgId, action: 'directory.member-removed', actor: auditActor(caller), target }));
    });
  }

  /** The caller leaves the organisation, removed as removeMember would remove them; its last admin cannot leave. */
  async leave(caller: Caller, orgId: string): Promise<void> {
    const { userId } = requireUser(caller);
    await this.outbox.transaction(async (m, emit) => {
      if (!isUuid(orgId) || !(await standingIn(m, orgId, userId))) throw notFound('Organisation');
      // The lock removeMember takes: two last admins leaving at once cannot both go.
      await m.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [orgId]);
      const target = await personTarget(m, userId);
      const [outcome] = await removeMembers(m, emit, orgId, [userId]);
      if (outcome?.status === 'NOT_FOUND') throw notFound('Organisation');
      if (outcome?.status === 'LAST_ADMIN') throw new DomainError('CONFLICT', 'You are its last admin: make someone else an admin before you leave.');
      emit(auditEvent({ orgId, action: 'organization.member-left', actor: auditActor(caller), target }));
    });
  }

  /**
   * The bulk form of removeMember: each person removed as removeMember would,
   * one after another in input order, with an outcome each instead of an error.
   */
  async removeMembers(caller: Caller, orgId: string, userIds: readonly string[]): Promise<RemovalOutcome[]> {
    checkBulkUserIds(userIds);
    return this.outbox.transaction(async (m, emit) => {
      await requireOrgAdmin(m, caller, orgId, true);
      const outcomes = await removeMembers(m, emit, orgId, userIds);
      const removed = outcomes.filter((o) => o.status === 'REMOVED').map((o) => o.userId);
      if (removed.length > 0) {
        emit(
          auditEvent({
            orgId,
            action: 'directory.members-removed',
            actor: auditActor(caller),
            target: { type: 'organization', id: orgId },
            before: removed.length <= AUDITED_IDS ? { userIds: removed } : null,
            count: removed.length,
          }),
        );
      }
      return outcomes;
    });
  }

  async membershipsOf(userId: string): Promise<OrganizationMemberEntity[]> {
    return this.dataSource.getRepository(OrganizationMemberEntity).find({ where: { userId }, order: { joinedAt: 'ASC' } });
  }

  async byIds(ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).findBy({ id: In(ids.filter(isUuid)) });
  }

  async rolesOf(userId: string, orgIds: readonly string[]): Promise<OrganizationMemberEntity[]> {
    return this.dataSource.getRepository(OrganizationMemberEntity).findBy({ userId, orgId: In(orgIds.filter(isUuid)) });
  }

  private async member(m: EntityManager, orgId: string, userId: string): Promise<OrganizationMemberEntity> {
    const member = isUuid(userId) ? await m.getRepository(OrganizationMemberEntity).findOneBy({ orgId, userId }) : null;
    if (!member) throw notFound('Member of this organisation');
    return member;
  }

  private async assertAnotherAdmin(m: EntityManager, orgId: string, userId: string): Promise<void> {
    const others = await m.getRepository(OrganizationMemberEntity).countBy({ orgId, role: 'ADMIN', userId: Not(userId) });
    if (others === 0) throw new DomainError('CONFLICT', LAST_ADMIN);
  }
}
