import { activityTime, unreadBadge } from './conversation-format';

describe('unreadBadge', () => {
  it('shows nothing for none, the count up to 999, then the cap as 999+', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe('7');
    expect(unreadBadge(999)).toBe('999');
    expect(unreadBadge(1000)).toBe('999+');
  });
});

describe('activityTime', () => {
  const now = new Date('2026-12-04T15:00:00');
  it('gives the time today, then Yesterday, the weekday, the date', () => {
    expect(activityTime(new Date('2026-12-04T09:05:00'), now)).toBe('09:05');
    expect(activityTime(new Date('2026-12-03T22:00:00'), now)).toBe('Yesterday');
    expect(activityTime(new Date('2026-11-30T10:00:00'), now)).toBe('Mon');
    expect(activityTime(new Date('2026-10-01T10:00:00'), now)).toBe('1 Oct');
    expect(activityTime(new Date('2025-10-01T10:00:00'), now)).toBe('1 Oct 2025');
  });
});
