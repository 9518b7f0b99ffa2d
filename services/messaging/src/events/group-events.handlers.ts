import type { EventHandlers } from '@kz/events';

/** Messaging's membership read model, fed only by the groups service's events. */
export const groupEventHandlers: EventHandlers = {
  'groups.group.created': async (event, m) => {
    await m.query(`INSERT INTO known_groups (id, org_id) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET org_id = EXCLUDED.org_id`, [
      event.payload.groupId,
      event.payload.orgId,
    ]);
  },
  'groups.memberships.added': async (event, m) => {
    const { groupId, members } = event.payload;
    await m.query(
      `INSERT INTO group_members (group_id, user_id, role)
       SELECT $1, u, r FROM unnest($2::uuid[], $3::text[]) AS t(u, r)
       ON CONFLICT (group_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [groupId, members.map((x) => x.userId), members.map((x) => x.role)],
    );
  },
  'groups.memberships.removed': async (event, m) => {
    await m.query(`DELETE FROM group_members WHERE group_id = $1 AND user_id = ANY($2::uuid[])`, [event.payload.groupId, event.payload.userIds]);
  },
};
