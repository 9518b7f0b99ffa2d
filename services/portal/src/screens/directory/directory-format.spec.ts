import { formatAttributeValue, people, summariseNetworkMove, summariseRemoval } from './directory-format';

const names = new Map([
  ['u1', 'Ada Admin'],
  ['u2', 'Bo Berg'],
  ['u3', 'Cy Chan'],
]);

describe('summariseNetworkMove', () => {
  it("counts who moved and names everyone who did not, with the server's reason", () => {
    const summary = summariseNetworkMove(
      [
        { userId: 'u1', status: 'CHANGED', message: null },
        { userId: 'u2', status: 'UNCHANGED', message: 'Already in the Others network.' },
        { userId: 'u3', status: 'NOT_FOUND', message: null },
      ],
      'OTHER',
      names,
    );
    expect(summary.headline).toBe('Moved 1 person to Others.');
    expect(summary.details).toEqual(['1 person was already in Others.', '1 person is no longer in the organisation.']);
    expect(summary.refusals).toEqual([
      { userId: 'u2', name: 'Bo Berg', reason: 'Already in the Others network.' },
      { userId: 'u3', name: 'Cy Chan', reason: 'No longer a member of this organisation.' },
    ]);
    expect(summary.complete).toBe(false);
  });
});

describe('summariseRemoval', () => {
  it('explains the last admin kept', () => {
    const summary = summariseRemoval(
      [
        { userId: 'u2', status: 'REMOVED', message: null },
        { userId: 'u3', status: 'REMOVED', message: null },
        { userId: 'u1', status: 'LAST_ADMIN', message: null },
      ],
      names,
    );
    expect(summary.headline).toBe('Removed 2 people from the organisation.');
    expect(summary.details).toEqual(["1 person kept as the organisation's last admin."]);
    expect(summary.refusals).toEqual([{ userId: 'u1', name: 'Ada Admin', reason: 'An organisation needs at least one admin: make someone else admin first.' }]);
  });

  it('is complete when everyone went', () => {
    expect(summariseRemoval([{ userId: 'u2', status: 'REMOVED', message: null }], names).complete).toBe(true);
  });
});

describe('formatting', () => {
  it('says people in words and shows values as a person reads them', () => {
    expect(people(1)).toBe('1 person');
    expect(people(1200)).toBe('1,200 people');
    expect(formatAttributeValue('BOOLEAN', 'true')).toBe('Yes');
    expect(formatAttributeValue('DATE', '2024-03-05')).toBe('5 Mar 2024');
    expect(formatAttributeValue('NUMBER', '3.5')).toBe('3.5');
  });
});
