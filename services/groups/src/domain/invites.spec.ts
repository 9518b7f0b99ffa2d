import { linkProblem, tokenFrom } from './invites.service';

describe('invite links', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  const link = { revokedAt: null, expiresAt: null, maxUses: null, uses: 0 };

  it('takes the token from a whole link or as given', () => {
    expect(tokenFrom('https://chat.example.com/join/abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFrom('https://chat.example.com/join/abc?utm=x')).toBe('abc');
    expect(tokenFrom('  abc ')).toBe('abc');
  });

  it('explains why an expired, used-up or revoked link is refused', () => {
    expect(linkProblem(link, now)).toBeNull();
    expect(linkProblem({ ...link, expiresAt: new Date('2026-11-26T09:59:59Z') }, now)).toMatch(/expired on 2026-11-26T09:59:59/);
    expect(linkProblem({ ...link, maxUses: 3, uses: 3 }, now)).toMatch(/already used 3 times, its limit/);
    expect(linkProblem({ ...link, maxUses: 3, uses: 2 }, now)).toBeNull();
    expect(linkProblem({ ...link, revokedAt: now }, now)).toMatch(/revoked/);
  });
});
