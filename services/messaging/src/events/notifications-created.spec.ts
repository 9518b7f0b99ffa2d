import { validateEnvelope } from '@kz/events';
import { NOTIFICATIONS_PER_EVENT, notificationsCreatedEvents } from './notifications-created';

describe('messaging.notifications.created', () => {
  it(`pairs each person with their notification, ${NOTIFICATIONS_PER_EVENT} to an event, keyed by the subject`, () => {
    const n = NOTIFICATIONS_PER_EVENT + 1;
    const users = Array.from({ length: n }, (_, i) => `user-${i}`);
    const ids = Array.from({ length: n }, (_, i) => `notification-${i}`);
    const events = notificationsCreatedEvents(users, ids, 'group-1', null);
    expect(events.map((e) => [e.key, e.payload.userIds.length, e.payload.notificationIds.length])).toEqual([
      ['group-1', NOTIFICATIONS_PER_EVENT, NOTIFICATIONS_PER_EVENT],
      ['group-1', 1, 1],
    ]);
    expect(events[1]!.payload).toEqual({ userIds: [`user-${n - 1}`], notificationIds: [`notification-${n - 1}`] });
    for (const event of events) expect(() => validateEnvelope(event)).not.toThrow();
    expect(notificationsCreatedEvents([], [], 'group-1', null)).toEqual([]);
  });

  it('is refused on the wire when its lists do not pair up', () => {
    const [event] = notificationsCreatedEvents(['a'], ['n'], 'k', null);
    expect(() => validateEnvelope({ ...event!, payload: { userIds: ['a', 'b'], notificationIds: ['n'] } })).toThrow();
  });
});
