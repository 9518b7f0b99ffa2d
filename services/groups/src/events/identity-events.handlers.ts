import { createEvent, insertOutboxRows, type EventHandlers } from '@kz/events';
import { activatePendingMemberships, removeFromOrganizationGroups, syncProfile } from '../domain/memberships.service';

/** Told once this service decides by the new standing, so that live subscriptions asking again get the new answer. */
const standingChanged = (orgId: string, userId: string, role: 'ADMIN' | 'MEMBER' | null) =>
  createEvent('groups.org-standing.changed', { key: orgId, orgId, payload: { orgId, userId, role } });

/** Keeps the groups service's view of identity (people by phone and name, organisation roles) current. */
export const identityEventHandlers: EventHandlers = {
  'identity.user.registered': async (event, m) => {
    await insertOutboxRows(m, await activatePendingMemberships(m, [event.payload]));
  },
  'identity.users.registered': async (event, m) => {
    await insertOutboxRows(m, await activatePendingMemberships(m, event.payload.users));
  },
  'identity.user.profile-changed': async (event, m) => {
    await syncProfile(m, event.payload.userId, event.payload.displayName);
  },
  'identity.organization.member-added': async (event, m) => {
    await m.query(
      `INSERT INTO org_members (org_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [event.payload.orgId, event.payload.userId, event.payload.role],
    );
    await m.query(`DELETE FROM org_removals WHERE org_id = $1 AND user_id = $2`, [event.payload.orgId, event.payload.userId]);
  },
  'identity.organization.members-added': async (event, m) => {
    const { orgId, members } = event.payload;
    await m.query(
      `INSERT INTO org_members (org_id, user_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::text[])
       ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [orgId, members.map((x) => x.userId), members.map((x) => x.role)],
    );
    await m.query(`DELETE FROM org_removals WHERE org_id = $1 AND user_id = ANY($2::uuid[])`, [orgId, members.map((x) => x.userId)]);
  },
  'identity.organization.member-role-changed': async (event, m) => {
    const { orgId, userId, role } = event.payload;
    await m.query(`UPDATE org_members SET role = $3 WHERE org_id = $1 AND user_id = $2`, [orgId, userId, role]);
    await insertOutboxRows(m, [standingChanged(orgId, userId, role)]);
  },
  'identity.organization.member-removed': async (event, m) => {
    const { orgId, userId } = event.payload;
    await m.query(`DELETE FROM org_members WHERE org_id = $1 AND user_id = $2`, [orgId, userId]);
    await m.query(`INSERT INTO org_removals (org_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [orgId, userId]);
    await insertOutboxRows(m, [...(await removeFromOrganizationGroups(m, orgId, userId)), standingChanged(orgId, userId, null)]);
  },
};
