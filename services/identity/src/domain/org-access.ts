import { connectorMay, type Caller } from '@kz/auth';
import { DomainError, notFound } from '@kz/errors';
import { isUuid } from '@kz/db';
import type { EntityManager } from 'typeorm';
import type { Network, OrganizationRole } from '../entities/organization-member.entity';

export interface OrgStanding {
  role: OrganizationRole;
  network: Network;
}

export async function standingIn(m: EntityManager, orgId: string, userId: string): Promise<OrgStanding | null> {
  if (!isUuid(orgId)) return null;
  const rows = (await m.query(`SELECT role, network FROM organization_members WHERE org_id = $1 AND user_id = $2`, [orgId, userId])) as OrgStanding[];
  return rows[0] ?? null;
}

/**
 * For admin-only changes: a stranger learns nothing (NOT_FOUND), a member is
 * told they lack the right (FORBIDDEN). With `lock`, the organisation row is
 * locked so checks like "never the last admin" cannot race.
 */
export async function requireOrgAdmin(m: EntityManager, caller: Caller, orgId: string, lock = false): Promise<string> {
  if (caller.kind !== 'user') {
    if (caller.kind === 'connector') throw new DomainError('FORBIDDEN', 'Connectors cannot change an organisation; an org admin must.');
    throw new DomainError('UNAUTHENTICATED', 'Sign in first: this needs a valid access token.');
  }
  const standing = await standingIn(m, orgId, caller.userId);
  if (!standing) throw notFound('Organisation');
  if (standing.role !== 'ADMIN') throw new DomainError('FORBIDDEN', "Only the organisation's admins can do this.");
  if (lock) await m.query(`SELECT 1 FROM organizations WHERE id = $1 FOR UPDATE`, [orgId]);
  return caller.userId;
}

/** Who may read the directory: admins, employees, and connectors granted organisation data. */
export async function requireDirectoryReader(m: EntityManager, caller: Caller, orgId: string): Promise<{ seesPhones: boolean }> {
  if (connectorMay(caller, orgId, 'ORGANIZATION_DATA')) return { seesPhones: true };
  if (caller.kind === 'connector') throw notFound('Organisation');
  if (caller.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in first: this needs a valid access token.');
  const standing = await standingIn(m, orgId, caller.userId);
  if (!standing) throw notFound('Organisation');
  if (standing.role !== 'ADMIN' && standing.network !== 'EMPLOYEE') {
    throw new DomainError('FORBIDDEN', "The directory is open to the organisation's employees and admins.");
  }
  return { seesPhones: standing.role === 'ADMIN' };
}
