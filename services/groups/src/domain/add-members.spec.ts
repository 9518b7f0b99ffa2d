import { invalidUnregistered, validateNewMembers } from './add-members';

describe('validateNewMembers', () => {
  it('normalises numbers, refuses bad ones and owner grants, and answers repeats once', () => {
    const { outcomes, candidates } = validateNewMembers(
      [
        { phone: '(415) 555-0123', role: 'MEMBER' },
        { phone: 'not a phone', role: 'MEMBER' },
        { phone: '+14155550123', role: 'ADMIN' },
        { phone: '+442071838750', role: 'OWNER' },
        { phone: '+442071838750', role: 'ADMIN' },
      ],
      'US',
    );
    expect([...candidates.keys()]).toEqual(['+14155550123', '+442071838750']);
    expect(candidates.get('+14155550123')).toEqual({ role: 'MEMBER', index: 0, input: '(415) 555-0123', verified: true });
    expect(outcomes.map((o) => o?.status ?? null)).toEqual([null, 'INVALID', 'ALREADY_MEMBER', 'NOT_ALLOWED', null]);
    expect(outcomes[1]?.message).toMatch(/not a valid phone number/);
  });

  it('leaves numbers already in E.164 to be checked only if unregistered', () => {
    const { candidates } = validateNewMembers([{ phone: '+19999999999', role: 'MEMBER' }], 'US');
    const candidate = candidates.get('+19999999999')!;
    expect(candidate.verified).toBe(false);
    expect(invalidUnregistered(candidate, '+19999999999', 'US')).toMatch(/not a valid phone number/);
    expect(invalidUnregistered({ ...candidate, verified: false }, '+14155550123', 'US')).toBeNull();
  });
});
