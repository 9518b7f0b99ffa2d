import { inviteLinkStatus, localDateTimeToIso } from './invite-link-status';

describe('inviteLinkStatus', () => {
  const now = new Date('2026-12-03T09:00:00Z');
  it('reads revoked, expired and used up the way the server does', () => {
    expect(inviteLinkStatus({ uses: 0 }, now)).toBe('ACTIVE');
    expect(inviteLinkStatus({ uses: 0, revokedAt: '2026-12-01T00:00:00Z', expiresAt: '2026-11-01T00:00:00Z' }, now)).toBe('REVOKED');
    expect(inviteLinkStatus({ uses: 0, expiresAt: '2026-12-03T09:00:00Z' }, now)).toBe('EXPIRED');
    expect(inviteLinkStatus({ uses: 5, maxUses: 5 }, now)).toBe('USED_UP');
    expect(inviteLinkStatus({ uses: 4, maxUses: 5, expiresAt: '2027-01-01T00:00:00Z' }, now)).toBe('ACTIVE');
  });
});

describe('localDateTimeToIso', () => {
  it('reads a datetime-local value, and nothing else', () => {
    expect(localDateTimeToIso('')).toBeNull();
    expect(localDateTimeToIso('not a date')).toBeNull();
    expect(localDateTimeToIso('2026-12-24T18:30')).toMatch(/^2026-12-2\dT\d\d:30:00\.000Z$/);
  });
});
