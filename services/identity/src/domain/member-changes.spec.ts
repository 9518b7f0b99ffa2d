import { DomainError } from '@kz/errors';
import type { Network, OrganizationRole } from '../entities/organization-member.entity';
import { checkBulkUserIds, LAST_ADMIN, MAX_MEMBERS_PER_CHANGE, planNetworkChanges, planRemovals } from './member-changes';

const [a, b, c, d] = [
  '0190a000-0000-7000-8000-00000000000a',
  '0190a000-0000-7000-8000-00000000000b',
  '0190a000-0000-7000-8000-00000000000c',
  '0190a000-0000-7000-8000-00000000000d',
];

describe('bulk directory changes', () => {
  it('accepts 1 to 1,000 ids and names the field and the limit otherwise', () => {
    expect(() => checkBulkUserIds([a])).not.toThrow();
    expect(() => checkBulkUserIds(Array.from({ length: MAX_MEMBERS_PER_CHANGE }, () => a))).not.toThrow();
    for (const ids of [[], Array.from({ length: MAX_MEMBERS_PER_CHANGE + 1 }, () => a)]) {
      let error: unknown;
      try {
        checkBulkUserIds(ids);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userIds' });
    }
    expect(() => checkBulkUserIds(Array.from({ length: 1_001 }, () => a))).toThrow(
      'At most 1,000 people can be changed in one call, and this one names 1,001; split the list.',
    );
  });

  it('plans network moves per id in input order', () => {
    const current = new Map<string, Network>([
      [a, 'EMPLOYEE'],
      [b, 'OTHER'],
    ]);
    expect(planNetworkChanges([b, 'not-an-id', a, c, a], current, 'OTHER')).toEqual([
      { userId: b, status: 'UNCHANGED', message: 'Already in the Others network.' },
      { userId: 'not-an-id', status: 'NOT_FOUND', message: 'Not a member of this organisation.' },
      { userId: a, status: 'CHANGED', message: null },
      { userId: c, status: 'NOT_FOUND', message: 'Not a member of this organisation.' },
      { userId: a, status: 'CHANGED', message: null },
    ]);
  });

  it('removes admins one after another while another admin stays, and refuses the last one', () => {
    const roles = new Map<string, OrganizationRole>([
      [a, 'ADMIN'],
      [b, 'MEMBER'],
      [c, 'ADMIN'],
    ]);
    expect(planRemovals([c, b, d, a, c], roles, 2)).toEqual([
      { userId: c, status: 'REMOVED', message: null },
      { userId: b, status: 'REMOVED', message: null },
      { userId: d, status: 'NOT_FOUND', message: 'Not a member of this organisation.' },
      { userId: a, status: 'LAST_ADMIN', message: LAST_ADMIN },
      { userId: c, status: 'REMOVED', message: null },
    ]);
    // An admin not named in the call keeps the organisation administered.
    expect(planRemovals([a, c], roles, 3).map((o) => o.status)).toEqual(['REMOVED', 'REMOVED']);
  });
});
