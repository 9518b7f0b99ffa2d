import { requireUser, type Caller } from '@kz/auth';
import { DomainError, forbidden, notFound } from '@kz/errors';
import { isUuid } from '@kz/db';
import type { EntityManager } from 'typeorm';
import { GroupEntity } from '../entities/group.entity';
import type { GroupRole } from '../entities/membership.entity';
import type { OrganizationStanding, StandingPurpose } from './organization-standing';

export interface GroupAccess {
  /** The caller's membership role, if a member. */
  role: GroupRole | null;
  /** Whether the caller administers the organisation owning the group. */
  orgAdmin: boolean;
}

export function isAdminRole(role: GroupRole | null): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

export function canSee(access: GroupAccess): boolean {
  return access.role !== null || access.orgAdmin;
}

export function canManage(access: GroupAccess): boolean {
  return isAdminRole(access.role) || access.orgAdmin;
}

/**
 * The caller's role in the group, and whether they administer its
 * organisation. Organisation standing is asked only where the group role falls
 * short of managing the group, and for `purpose` (see OrganizationStanding).
 */
export async function accessTo(
  m: EntityManager,
  group: GroupEntity,
  userId: string,
  standing: OrganizationStanding,
  purpose: StandingPurpose,
): Promise<GroupAccess> {
  const rows = (await m.query(`SELECT role FROM memberships WHERE group_id = $1 AND user_id = $2`, [group.id, userId])) as { role: GroupRole }[];
  const role = rows[0]?.role ?? null;
  const orgAdmin = group.orgId !== null && !isAdminRole(role) && (await standing.isAdmin(m, group.orgId, purpose));
  return { role, orgAdmin };
}

/**
 * Loads a live group for a change by the caller, locking its row unless the
 * change takes the lock itself later (bulk adds do, at the count update). Someone who
 * cannot see it is told it does not exist; someone who can see but not manage
 * it is told they lack the right.
 */
export async function groupToManage(
  m: EntityManager,
  caller: Caller,
  standing: OrganizationStanding,
  groupId: string,
  action = "Only the group's owner and admins can do this.",
  { lock = true }: { lock?: boolean } = {},
): Promise<{ group: GroupEntity; access: GroupAccess; userId: string }> {
  if (caller.kind === 'connector') throw new DomainError('FORBIDDEN', 'Connectors cannot change groups.');
  const userId = requireUser(caller).userId;
  const query = m.getRepository(GroupEntity).createQueryBuilder('g').where('g.id = :groupId AND g.deleted_at IS NULL', { groupId });
  const group = isUuid(groupId) ? await (lock ? query.setLock('pessimistic_write') : query).getOne() : null;
  if (!group) throw notFound('Group');
  const access = await accessTo(m, group, userId, standing, 'change');
  if (!canSee(access)) throw notFound('Group');
  if (!canManage(access)) throw forbidden(action);
  return { group, access, userId };
}

/** The organisation a group belongs to; null for a private group or none such. */
export async function organizationOfGroup(m: EntityManager, groupId: string): Promise<string | null> {
  if (!isUuid(groupId)) return null;
  const rows = (await m.query(`SELECT org_id FROM groups WHERE id = $1 AND deleted_at IS NULL`, [groupId])) as { org_id: string | null }[];
  return rows[0]?.org_id ?? null;
}
