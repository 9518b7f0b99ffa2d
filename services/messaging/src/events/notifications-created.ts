import { createEvent, type EventEnvelope } from '@kz/events';

/** The most notifications one event names (the catalogue's limit). */
export const NOTIFICATIONS_PER_EVENT = 2_000;

/** New notifications for the gateway to stream to their people, in events of at most NOTIFICATIONS_PER_EVENT, keyed by what they are about. */
export function notificationsCreatedEvents(
  created: readonly { notificationId: string; userId: string }[],
  key: string,
  orgId: string | null,
): EventEnvelope<'messaging.notifications.created'>[] {
  const events: EventEnvelope<'messaging.notifications.created'>[] = [];
  for (let from = 0; from < created.length; from += NOTIFICATIONS_PER_EVENT) {
    events.push(
      createEvent('messaging.notifications.created', { key, orgId, payload: { notifications: created.slice(from, from + NOTIFICATIONS_PER_EVENT) } }),
    );
  }
  return events;
}
