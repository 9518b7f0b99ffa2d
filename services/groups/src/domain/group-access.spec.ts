import { canManage, canSee } from './group-access';

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
});
