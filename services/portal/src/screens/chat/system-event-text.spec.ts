import { systemEventText, type SystemEventView } from './system-event-text';

const ana = { id: 'ana', displayName: 'Ana Admin' };
const bo = { id: 'bo', displayName: 'Bo Member' };
const cy = { id: 'cy', displayName: 'Cy Other' };
const people = (n: number) => Array.from({ length: Math.min(n, 20) }, (_, i) => ({ id: `p${i}`, displayName: `Person ${i}` }));

const event = (over: Partial<SystemEventView>): SystemEventView => ({
  kind: 'MEMBERS_ADDED',
  actor: ana,
  users: [bo],
  userCount: 1,
  name: null,
  role: null,
  ...over,
});

describe('a system entry in words', () => {
  it('says who added whom, naming one and counting the others, or counting a bulk add', () => {
    expect(systemEventText(event({}), null)).toBe('Ana Admin added Bo Member');
    expect(systemEventText(event({ users: [bo, cy], userCount: 2 }), null)).toBe('Ana Admin added Bo Member and Cy Other');
    expect(systemEventText(event({ users: [bo, cy, ...people(2)], userCount: 4 }), null)).toBe('Ana Admin added Bo Member and 3 others');
    expect(systemEventText(event({ users: [bo, cy], userCount: 3 }), null)).toBe('Ana Admin added Bo Member and 2 others');
    expect(systemEventText(event({ users: people(20), userCount: 2_000 }), null)).toBe('Ana Admin added 2,000 people');
    expect(systemEventText(event({ actor: null }), null)).toBe('Bo Member was added');
  });

  it('speaks to the reader as you, first among the people', () => {
    expect(systemEventText(event({}), 'ana')).toBe('You added Bo Member');
    expect(systemEventText(event({}), 'bo')).toBe('Ana Admin added you');
    expect(systemEventText(event({ users: [...people(19), bo], userCount: 2_000 }), 'bo')).toBe('Ana Admin added you and 1,999 others');
    expect(systemEventText(event({ actor: null }), 'bo')).toBe('You were added');
    expect(systemEventText(event({ kind: 'MEMBER_LEFT', actor: bo }), 'bo')).toBe('You left');
  });

  it('words joins, removals and leaving', () => {
    expect(systemEventText(event({ kind: 'JOINED', actor: bo }), null)).toBe('Bo Member joined');
    expect(systemEventText(event({ kind: 'JOINED', actor: null }), null)).toBe('Bo Member joined');
    expect(systemEventText(event({ kind: 'MEMBERS_REMOVED' }), null)).toBe('Ana Admin removed Bo Member');
    expect(systemEventText(event({ kind: 'MEMBERS_REMOVED', actor: null, users: [bo, cy], userCount: 2 }), null)).toBe('Bo Member and Cy Other were removed');
    expect(systemEventText(event({ kind: 'MEMBER_LEFT', actor: bo }), null)).toBe('Bo Member left');
  });

  it('words role changes', () => {
    expect(systemEventText(event({ kind: 'ROLE_CHANGED', role: 'ADMIN' }), null)).toBe('Ana Admin made Bo Member an admin');
    expect(systemEventText(event({ kind: 'ROLE_CHANGED', role: 'ADMIN', users: [bo, cy], userCount: 2 }), null)).toBe(
      'Ana Admin made Bo Member and Cy Other admins',
    );
    expect(systemEventText(event({ kind: 'ROLE_CHANGED', role: 'MEMBER' }), null)).toBe('Ana Admin dismissed Bo Member as admin');
    expect(systemEventText(event({ kind: 'ROLE_CHANGED', role: 'ADMIN' }), 'bo')).toBe('Ana Admin made you an admin');
    expect(systemEventText(event({ kind: 'ROLE_CHANGED', role: 'ADMIN', actor: null }), 'bo')).toBe('You are now an admin');
    expect(systemEventText(event({ kind: 'ROLE_CHANGED', role: 'MEMBER', actor: null }), null)).toBe('Bo Member is no longer an admin');
  });

  it('words the group itself: created, renamed, sub-groups', () => {
    const group = { users: [], userCount: 0 };
    expect(systemEventText(event({ ...group, kind: 'GROUP_CREATED', name: 'Night desk' }), null)).toBe('Ana Admin created the group “Night desk”');
    expect(systemEventText(event({ ...group, kind: 'GROUP_RENAMED', name: 'Night desk' }), null)).toBe('Ana Admin renamed the group to “Night desk”');
    expect(systemEventText(event({ ...group, kind: 'GROUP_RENAMED', name: 'Night desk', actor: null }), null)).toBe('The group was renamed to “Night desk”');
    expect(systemEventText(event({ ...group, kind: 'SUBGROUP_ATTACHED', name: 'East' }), 'ana')).toBe('You added “East” as a sub-group');
    expect(systemEventText(event({ ...group, kind: 'SUBGROUP_ATTACHED' }), null)).toBe('Ana Admin added a sub-group');
    expect(systemEventText(event({ ...group, kind: 'SUBGROUP_DETACHED', name: 'East' }), null)).toBe('Ana Admin removed the sub-group “East”');
  });
});
