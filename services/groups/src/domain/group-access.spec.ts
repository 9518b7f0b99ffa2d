import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { GroupEntity } from '../entities/group.entity';
import type { GroupRole } from '../entities/membership.entity';
import { accessTo, canManage, canSee } from './group-access';
import type { OrganizationStanding, StandingPurpose } from './organization-standing';

describe('group access rules', () => {
  it('lets members and organisation admins see a group, and no one else', () => {
    expect(canSee({ role: 'MEMBER', orgAdmin: false })).toBe(true);
    expect(canSee({ role: null, orgAdmin: true })).toBe(true);
    expect(canSee({ role: null, orgAdmin: false })).toBe(false);
  });

  it('lets owners, admins and organisation admins manage members, but not plain members', () => {
    expect(canManage({ role: 'OWNER', orgAdmin: false })).toBe(true);
    expect(canManage({ role: 'ADMIN', orgAdmin: false })).toBe(true);
    expect(canManage({ role: null, orgAdmin: true })).toBe(true);
    expect(canManage({ role: 'MEMBER', orgAdmin: false })).toBe(false);
  });

  describe('accessTo', () => {
    const orgId = randomUUID();
    const withRole = (role: GroupRole | null) => ({ query: async () => (role ? [{ role }] : []) }) as unknown as EntityManager;
    function standing(admin: boolean) {
      const asked: [string, StandingPurpose][] = [];
      const s = {
        isAdmin: async (_m: EntityManager, org: string, purpose: StandingPurpose) => (asked.push([org, purpose]), admin),
      } as unknown as OrganizationStanding;
      return { s, asked };
    }
    const group = (org: string | null) => ({ id: randomUUID(), orgId: org }) as GroupEntity;

    it('asks about organisation standing only where the group role falls short of managing', async () => {
      const { s, asked } = standing(true);
      expect(await accessTo(withRole('OWNER'), group(orgId), 'u', s, 'change')).toEqual({ role: 'OWNER', orgAdmin: false });
      expect(await accessTo(withRole('ADMIN'), group(orgId), 'u', s, 'read')).toEqual({ role: 'ADMIN', orgAdmin: false });
      expect(await accessTo(withRole(null), group(null), 'u', s, 'change')).toEqual({ role: null, orgAdmin: false });
      expect(asked).toEqual([]);
      expect(await accessTo(withRole('MEMBER'), group(orgId), 'u', s, 'change')).toEqual({ role: 'MEMBER', orgAdmin: true });
      expect(await accessTo(withRole(null), group(orgId), 'u', s, 'read')).toEqual({ role: null, orgAdmin: true });
      expect(asked).toEqual([
        [orgId, 'change'],
        [orgId, 'read'],
      ]);
    });
  });
});
