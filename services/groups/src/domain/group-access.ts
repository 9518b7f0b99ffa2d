import type { EntityManager } from 'typeorm';
import type { GroupEntity } from '../entities/group.entity';
import type { GroupRole } from '../entities/membership.entity';

export interface GroupAccess {
  /** The caller's membership role, if a member. */
  role: GroupRole | null;
  /** Whether the caller administers the organisation owning the group. */
  orgAdmin: boolean;
}

export function canSee(access: GroupAccess): boolean {
  return access.role !== null || access.orgAdmin;
}

export function canManageMembers(access: GroupAccess): boolean {
  return access.role === 'OWNER' || access.role === 'ADMIN' || access.orgAdmin;
}

export async function accessTo(m: EntityManager, group: GroupEntity, userId: string): Promise<GroupAccess> {
  const rows = (await m.query(
    `SELECT (SELECT role FROM memberships WHERE group_id = $1 AND user_id = $2) AS role,
            EXISTS (SELECT 1 FROM org_members WHERE org_id = $3 AND user_id = $2 AND role = 'ADMIN') AS org_admin`,
    [group.id, userId, group.orgId],
  )) as { role: GroupRole | null; org_admin: boolean }[];
  return { role: rows[0]?.role ?? null, orgAdmin: rows[0]?.org_admin ?? false };
}
