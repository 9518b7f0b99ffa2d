import type { EventHandlers } from '@kz/events';
import { storeNotifications } from '../domain/notifications.service';

/** What messaging takes from the webhooks service's events: an organisation's admins hear when an endpoint is disabled. */
export const webhooksEventHandlers: EventHandlers = {
  'webhooks.endpoint.disabled': async (event, m) => {
    const { endpointId, orgId, adminIds } = event.payload;
    await storeNotifications(
      m,
      { webhookEndpointId: endpointId, key: orgId, orgId },
      adminIds.map((userId) => ({ userId, kind: 'WEBHOOK_DISABLED' as const })),
    );
  },
};
