import { validateNewMembers } from './add-members';

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
    expect(candidates.get('+14155550123')).toEqual({ role: 'MEMBER', index: 0, input: '(415) 555-0123' });
    expect(outcomes.map((o) => o?.status ?? null)).toEqual([null, 'INVALID', 'ALREADY_MEMBER', 'NOT_ALLOWED', null]);
    expect(outcomes[1]?.message).toMatch(/not a valid phone number/);
  });
});
