import { createEvent, type EventEnvelope } from '@kz/events';

/** The most notifications one event names (the catalogue's limit). */
export const NOTIFICATIONS_PER_EVENT = 2_000;

/** New notifications for the gateway to stream to their people (`userIds[i]` is told of `notificationIds[i]`), in events of at most NOTIFICATIONS_PER_EVENT, keyed by what they are about. */
export function notificationsCreatedEvents(
  userIds: readonly string[],
  notificationIds: readonly string[],
  key: string,
  orgId: string | null,
): EventEnvelope<'messaging.notifications.created'>[] {
  const events: EventEnvelope<'messaging.notifications.created'>[] = [];
  for (let from = 0; from < userIds.length; from += NOTIFICATIONS_PER_EVENT) {
    const to = from + NOTIFICATIONS_PER_EVENT;
    events.push(
      createEvent('messaging.notifications.created', {
        key,
        orgId,
        payload: { userIds: userIds.slice(from, to), notificationIds: notificationIds.slice(from, to) },
      }),
    );
  }
  return events;
}
