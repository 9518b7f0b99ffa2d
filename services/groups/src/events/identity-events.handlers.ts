import { insertOutboxRows, type EventHandlers } from '@kz/events';
import { activatePendingMemberships } from '../domain/groups.service';

/** Keeps the groups service's view of identity (users by phone, organisation roles) current. */
export const identityEventHandlers: EventHandlers = {
  'identity.user.registered': async (event, m) => {
    const events = await activatePendingMemberships(m, event.payload.userId, event.payload.phone);
    await insertOutboxRows(m, events);
  },
  'identity.organization.member-added': async (event, m) => {
    await m.query(
      `INSERT INTO org_members (org_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [event.payload.orgId, event.payload.userId, event.payload.role],
    );
  },
};
