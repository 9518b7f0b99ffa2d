import { badInput } from '@kz/errors';
import { createEvent, type EmitEvents } from '@kz/events';
import { isUuid } from '@kz/db';
import { In, type EntityManager } from 'typeorm';
import { OrganizationMemberEntity, type Network, type OrganizationRole } from '../entities/organization-member.entity';

/**
 * The per-person rules for moving directory members between networks and for
 * removing them from an organisation, shared by the single forms
 * (setMemberNetwork, removeOrganizationMember) and the bulk forms
 * (setMembersNetwork, removeOrganizationMembers). The callers authorise and own
 * the transaction; these functions read, write and emit within it.
 */

/** People per bulk directory change: one selection in the portal. */
export const MAX_MEMBERS_PER_CHANGE = 1_000;

export const LAST_ADMIN = 'An organisation needs at least one admin: make someone else admin first.';
const NOT_A_MEMBER = 'Not a member of this organisation.';
const NETWORK_NAMES: Record<Network, string> = { EMPLOYEE: 'Employees', OTHER: 'Others' };

export type NetworkChangeStatus = 'CHANGED' | 'UNCHANGED' | 'NOT_FOUND';

export interface NetworkChangeOutcome {
  /** The id as given. */
  userId: string;
  status: NetworkChangeStatus;
  /** Why, for UNCHANGED and NOT_FOUND. */
  message: string | null;
  /** The member as they are after the change; null for NOT_FOUND. */
  member: OrganizationMemberEntity | null;
}

export type RemovalStatus = 'REMOVED' | 'NOT_FOUND' | 'LAST_ADMIN';

export interface RemovalOutcome {
  /** The id as given. */
  userId: string;
  status: RemovalStatus;
  /** Why, for NOT_FOUND and LAST_ADMIN. */
  message: string | null;
}

/** A bulk call names at least one person and at most MAX_MEMBERS_PER_CHANGE. */
export function checkBulkUserIds(userIds: readonly string[]): void {
  if (userIds.length === 0) throw badInput('userIds', 'Name at least one person.');
  if (userIds.length > MAX_MEMBERS_PER_CHANGE) {
    throw badInput(
      'userIds',
      `At most ${MAX_MEMBERS_PER_CHANGE.toLocaleString('en')} people can be changed in one call, and this one names ${userIds.length.toLocaleString('en')}; split the list.`,
    );
  }
}

/**
 * Moving each person to `network`: CHANGED if they are in the other network,
 * UNCHANGED if already there, NOT_FOUND if not a member. An id named more than
 * once gets its first occurrence's outcome each time.
 */
export function planNetworkChanges(
  userIds: readonly string[],
  current: ReadonlyMap<string, Network>,
  network: Network,
): Omit<NetworkChangeOutcome, 'member'>[] {
  return userIds.map((userId) => {
    const was = current.get(userId);
    if (was === undefined) return { userId, status: 'NOT_FOUND', message: NOT_A_MEMBER };
    if (was === network) return { userId, status: 'UNCHANGED', message: `Already in the ${NETWORK_NAMES[network]} network.` };
    return { userId, status: 'CHANGED', message: null };
  });
}

/**
 * Removing each person one after another in input order, as the single form
 * would: NOT_FOUND if not a member; an admin only while another admin stays
 * (counting those removed earlier in the list), else LAST_ADMIN. An id named
 * more than once gets its first occurrence's outcome each time.
 */
export function planRemovals(userIds: readonly string[], roles: ReadonlyMap<string, OrganizationRole>, admins: number): RemovalOutcome[] {
  let adminsLeft = admins;
  const decided = new Map<string, RemovalOutcome>();
  return userIds.map((userId) => {
    const earlier = decided.get(userId);
    if (earlier) return { ...earlier };
    const role = roles.get(userId);
    let outcome: RemovalOutcome;
    if (role === undefined) outcome = { userId, status: 'NOT_FOUND', message: NOT_A_MEMBER };
    else if (role === 'ADMIN' && adminsLeft <= 1) outcome = { userId, status: 'LAST_ADMIN', message: LAST_ADMIN };
    else {
      if (role === 'ADMIN') adminsLeft -= 1;
      outcome = { userId, status: 'REMOVED', message: null };
    }
    decided.set(userId, outcome);
    return outcome;
  });
}

/**
 * Moves members to `network`, one outcome per id in input order, and emits
 * identity.organization.network-changed for each person moved. Their rows are
 * locked (in id order, so concurrent calls cannot deadlock) before they are read.
 */
export async function changeNetworks(
  m: EntityManager,
  emit: EmitEvents,
  orgId: string,
  userIds: readonly string[],
  network: Network,
): Promise<NetworkChangeOutcome[]> {
  const ids = distinctUuids(userIds);
  const rows = (await m.query(`SELECT user_id, network FROM organization_members WHERE org_id = $1 AND user_id = ANY($2::uuid[]) ORDER BY user_id FOR UPDATE`, [
    orgId,
    ids,
  ])) as { user_id: string; network: Network }[];
  const plan = planNetworkChanges(userIds, new Map(rows.map((r) => [r.user_id, r.network])), network);
  const moved = distinct(plan.filter((o) => o.status === 'CHANGED').map((o) => o.userId));
  if (moved.length > 0) {
    await m.query(`UPDATE organization_members SET network = $3 WHERE org_id = $1 AND user_id = ANY($2::uuid[])`, [orgId, moved, network]);
    emit(moved.map((userId) => createEvent('identity.organization.network-changed', { key: orgId, orgId, payload: { orgId, userId, network } })));
  }
  const members = rows.length > 0 ? await m.getRepository(OrganizationMemberEntity).findBy({ orgId, userId: In(rows.map((r) => r.user_id)) }) : [];
  const byId = new Map(members.map((member) => [member.userId, member]));
  return plan.map((o) => ({ ...o, member: byId.get(o.userId) ?? null }));
}

/**
 * Removes people from the organisation, one outcome per id in input order, and
 * emits identity.organization.member-removed for each person removed; the
 * groups service ends their organisation group memberships on that event. The
 * caller must hold the organisation's row lock (requireOrgAdmin with lock), so
 * that "never the last admin" cannot race.
 */
export async function removeMembers(m: EntityManager, emit: EmitEvents, orgId: string, userIds: readonly string[]): Promise<RemovalOutcome[]> {
  const ids = distinctUuids(userIds);
  const rows = (await m.query(`SELECT user_id, role FROM organization_members WHERE org_id = $1 AND user_id = ANY($2::uuid[])`, [orgId, ids])) as {
    user_id: string;
    role: OrganizationRole;
  }[];
  const admins = rows.some((r) => r.role === 'ADMIN')
    ? Number(((await m.query(`SELECT count(*) AS n FROM organization_members WHERE org_id = $1 AND role = 'ADMIN'`, [orgId])) as { n: string }[])[0]!.n)
    : 0;
  const plan = planRemovals(userIds, new Map(rows.map((r) => [r.user_id, r.role])), admins);
  const removed = distinct(plan.filter((o) => o.status === 'REMOVED').map((o) => o.userId));
  if (removed.length > 0) {
    await m.query(`DELETE FROM organization_members WHERE org_id = $1 AND user_id = ANY($2::uuid[])`, [orgId, removed]);
    emit(removed.map((userId) => createEvent('identity.organization.member-removed', { key: orgId, orgId, payload: { orgId, userId } })));
  }
  return plan;
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function distinctUuids(ids: readonly string[]): string[] {
  return distinct(ids.filter(isUuid));
}
