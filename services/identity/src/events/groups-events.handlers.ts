import type { EventHandlers } from '@kz/events';
import { queueInvitationTexts } from '../domain/invitation-texts';

/**
 * What identity takes from the groups service: numbers added to a group before they signed up, each texted once per
 * group. The texts are queued in the inbox's transaction and sent in the background (InvitationTextSender).
 */
export function groupsEventHandlers(appUrl: string): EventHandlers {
  return {
    'groups.phone-invitations.added': async (event, m) => {
      await queueInvitationTexts(m, event.payload, appUrl);
    },
  };
}
