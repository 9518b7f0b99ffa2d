import { addedEntries, MERGE_WINDOW_MS, mergedInto, removedEntries, roleEntries, SYSTEM_EVENT_USERS, systemEventRecord } from './system-events';

const at = '2026-12-04T08:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(at) + ms).toISOString();

describe('system entries', () => {
  it('names the first people of a bulk change and counts them all, once each', () => {
    const people = Array.from({ length: 2_000 }, (_, i) => `user-${i}`);
    const record = systemEventRecord({ kind: 'MEMBERS_ADDED', actorId: 'ana', userIds: [...people, 'user-0'], at });
    expect(record).toEqual({
      kind: 'MEMBERS_ADDED',
      actorId: 'ana',
      userIds: people.slice(0, SYSTEM_EVENT_USERS),
      userCount: 2_000,
      name: null,
      role: null,
      subgroupId: null,
      at,
    });
  });

  it('tells people added from people who joined, and leaves the creator to the group-created entry', () => {
    expect(
      addedEntries(
        'ana',
        [
          { userId: 'bo', role: 'MEMBER' },
          { userId: 'cy', role: 'ADMIN' },
        ],
        at,
      ),
    ).toEqual([{ kind: 'MEMBERS_ADDED', actorId: 'ana', userIds: ['bo', 'cy'], at }]);
    expect(addedEntries('bo', [{ userId: 'bo', role: 'MEMBER' }], at)).toEqual([{ kind: 'JOINED', actorId: 'bo', userIds: ['bo'], at }]);
    // No one in particular: a pending invitation became a membership when the number signed up.
    expect(addedEntries(null, [{ userId: 'bo', role: 'MEMBER' }], at)).toEqual([{ kind: 'JOINED', actorId: null, userIds: ['bo'], at }]);
    expect(addedEntries('ana', [{ userId: 'ana', role: 'OWNER' }], at)).toEqual([]);
    expect(addedEntries('ana', [], at)).toEqual([]);
  });

  it('tells people who left from people removed', () => {
    expect(removedEntries('bo', ['bo'], at)).toEqual([{ kind: 'MEMBER_LEFT', actorId: 'bo', userIds: ['bo'], at }]);
    expect(removedEntries('ana', ['bo', 'cy'], at)).toEqual([{ kind: 'MEMBERS_REMOVED', actorId: 'ana', userIds: ['bo', 'cy'], at }]);
    expect(removedEntries(null, ['bo'], at)).toEqual([{ kind: 'MEMBERS_REMOVED', actorId: null, userIds: ['bo'], at }]);
    expect(removedEntries('ana', [], at)).toEqual([]);
  });

  it('writes one role entry per new role', () => {
    expect(
      roleEntries(
        'ana',
        [
          { userId: 'bo', role: 'ADMIN' },
          { userId: 'cy', role: 'MEMBER' },
          { userId: 'di', role: 'ADMIN' },
        ],
        at,
      ),
    ).toEqual([
      { kind: 'ROLE_CHANGED', actorId: 'ana', userIds: ['bo', 'di'], role: 'ADMIN', at },
      { kind: 'ROLE_CHANGED', actorId: 'ana', userIds: ['cy'], role: 'MEMBER', at },
    ]);
  });

  it("counts a bulk add's next batch into its entry: same kind, same person, close in time", () => {
    const first = systemEventRecord({ kind: 'MEMBERS_ADDED', actorId: 'ana', userIds: ['bo', 'cy'], at });
    const next = systemEventRecord({ kind: 'MEMBERS_ADDED', actorId: 'ana', userIds: ['cy', 'di'], at: later(5_000) });
    expect(mergedInto(first, next)).toEqual({ ...first, userIds: ['bo', 'cy', 'di'], userCount: 4, at: later(5_000) });
    const full = systemEventRecord({ kind: 'MEMBERS_ADDED', actorId: 'ana', userIds: Array.from({ length: 30 }, (_, i) => `u${i}`), at });
    expect(mergedInto(full, next)!.userIds).toHaveLength(SYSTEM_EVENT_USERS);

    expect(mergedInto(first, { ...next, actorId: 'bo' })).toBeNull();
    expect(mergedInto(first, { ...next, kind: 'MEMBERS_REMOVED' })).toBeNull();
    expect(mergedInto(first, { ...next, at: later(MERGE_WINDOW_MS + 1) })).toBeNull();
    expect(mergedInto({ ...first, actorId: null }, { ...next, actorId: null })).toBeNull();
    const joined = systemEventRecord({ kind: 'JOINED', actorId: 'bo', userIds: ['bo'], at });
    expect(mergedInto(joined, { ...joined, at: later(1_000) })).toBeNull();
  });
});
