import type { EventHandlers } from '@kz/events';

/** What messaging takes from identity: how long each organisation keeps its messages. */
export const identityEventHandlers: EventHandlers = {
  'identity.organization.retention-changed': async (event, m) => {
    const { orgId, keepDays } = event.payload;
    await m.query(`INSERT INTO org_retention (org_id, keep_days) VALUES ($1, $2) ON CONFLICT (org_id) DO UPDATE SET keep_days = EXCLUDED.keep_days`, [
      orgId,
      keepDays,
    ]);
  },
};
