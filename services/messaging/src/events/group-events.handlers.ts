import type { EventHandlers } from '@kz/events';
import type { EntityManager } from 'typeorm';
import { storeNotifications } from '../domain/notifications.service';
import { addedEntries, recordSystemEvent, removedEntries, roleEntries, type MemberRole, type SystemEventInput } from '../domain/system-events';
import { announceReaders, groupAndAncestors, readersBelow } from './readers-changed';

/** Membership events may arrive before the group's own; the count row is created on demand. */
async function adjustMemberCount(m: EntityManager, groupId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await m.query(
    `INSERT INTO known_groups (id, member_count) VALUES ($1, greatest($2, 0))
     ON CONFLICT (id) DO UPDATE SET member_count = greatest(known_groups.member_count + $2, 0)`,
    [groupId, delta],
  );
}

/** The group's history gets its system entries (system-events.ts) in the transaction that applies the event. */
async function record(m: EntityManager, orgId: string | null, groupId: string, entries: readonly SystemEventInput[]): Promise<void> {
  for (const entry of entries) await recordSystemEvent(m, orgId, groupId, entry);
}

/** The known name of a group, null when its created event has not arrived. */
async function nameOf(m: EntityManager, groupId: string): Promise<string | null> {
  const rows = (await m.query(`SELECT name FROM known_groups WHERE id = $1`, [groupId])) as { name: string | null }[];
  return rows[0]?.name ?? null;
}

/**
 * Messaging's read model of groups and memberships, fed only by the groups service's events. Every change of who reads
 * a group is announced (messaging.readers.changed) in the same transaction, for each group whose readers it changes.
 */
export const groupEventHandlers: EventHandlers = {
  'groups.group.created': async (event, m) => {
    const { groupId, orgId, parentId, name, kind, announcementOnly } = event.payload;
    await m.query(
      `INSERT INTO known_groups (id, org_id, parent_id, name, kind, announcement_only) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET org_id = EXCLUDED.org_id, parent_id = EXCLUDED.parent_id, name = EXCLUDED.name, kind = EXCLUDED.kind,
                                      announcement_only = EXCLUDED.announcement_only`,
      [groupId, orgId, parentId, name, kind, announcementOnly],
    );
    // Its memberships may have come first (their events are on another topic): they make its members readers of its parent.
    if (parentId !== null) await announceReaders(m, event.orgId, await groupAndAncestors(m, parentId), 'ADDED', await readersBelow(m, groupId));
    const { createdBy } = event.payload;
    await record(m, event.orgId, groupId, [{ kind: 'GROUP_CREATED', actorId: createdBy, name, at: event.occurredAt }]);
    if (parentId !== null) {
      await record(m, event.orgId, parentId, [{ kind: 'SUBGROUP_ATTACHED', actorId: createdBy, name, subgroupId: groupId, at: event.occurredAt }]);
    }
  },
  'groups.group.retention-changed': async (event, m) => {
    const { groupId, keepDays, legalHold } = event.payload;
    await m.query(`UPDATE known_groups SET keep_days = $2, legal_hold = $3 WHERE id = $1`, [groupId, keepDays, legalHold]);
  },
  'groups.group.updated': async (event, m) => {
    const { groupId, name } = event.payload;
    const [renamed] = (await m.query(
      `UPDATE known_groups g SET name = $2, kind = $3, announcement_only = $4 FROM known_groups before
        WHERE g.id = $1 AND before.id = g.id RETURNING before.name AS "formerName"`,
      [groupId, name, event.payload.kind, event.payload.announcementOnly],
    )) as [{ formerName: string | null }[], number];
    // A rename (not a change of posting rules) is news to the group; so is a first name only if it came with the group.
    const formerName = renamed[0]?.formerName ?? null;
    if (formerName !== null && formerName !== name) {
      await record(m, event.orgId, groupId, [{ kind: 'GROUP_RENAMED', actorId: event.payload.updatedBy, name, at: event.occurredAt }]);
    }
  },
  'groups.group.linked': async (event, m) => {
    await m.query(`UPDATE known_groups SET org_id = $2, kind = CASE kind WHEN 'BROADCAST' THEN kind ELSE 'ORGANIZATION' END WHERE id = $1`, [
      event.payload.groupId,
      event.payload.orgId,
    ]);
  },
  'groups.group.unlinked': async (event, m) => {
    await m.query(`UPDATE known_groups SET org_id = NULL, kind = CASE kind WHEN 'BROADCAST' THEN kind ELSE 'PRIVATE' END WHERE id = $1`, [
      event.payload.groupId,
    ]);
  },
  'groups.group.deleted': async (event, m) => {
    // Its readers lose it and its ancestors (it leaves its parent; its sub-groups become top-level groups).
    const groupIds = await groupAndAncestors(m, event.payload.groupId);
    const readers = await readersBelow(m, event.payload.groupId);
    await m.query(`DELETE FROM group_members WHERE group_id = $1`, [event.payload.groupId]);
    await m.query(`UPDATE known_groups SET member_count = 0 WHERE id = $1`, [event.payload.groupId]);
    await m.query(`UPDATE known_groups SET parent_id = NULL WHERE parent_id = $1 OR id = $1`, [event.payload.groupId]);
    await announceReaders(m, event.orgId, groupIds, 'REMOVED', readers);
  },
  'groups.subgroup.attached': async (event, m) => {
    const { groupId, parentId } = event.payload;
    const [moved] = (await m.query(
      `UPDATE known_groups g SET parent_id = $2 FROM known_groups before
        WHERE g.id = $1 AND before.id = g.id AND g.parent_id IS DISTINCT FROM $2 RETURNING before.parent_id AS "formerParentId"`,
      [groupId, parentId],
    )) as [{ formerParentId: string | null }[], number];
    if (moved.length === 0) return;
    const readers = await readersBelow(m, groupId);
    // A group moved from another parent: its readers may no longer read that parent's line.
    const formerParentId = moved[0]!.formerParentId;
    if (formerParentId !== null) await announceReaders(m, event.orgId, await groupAndAncestors(m, formerParentId), 'REMOVED', readers);
    await announceReaders(m, event.orgId, await groupAndAncestors(m, parentId), 'ADDED', readers);
    // The parent's history tells its readers (the sub-group's members among them now) who came under it.
    const entry = { actorId: event.payload.attachedBy, name: await nameOf(m, groupId), subgroupId: groupId, at: event.occurredAt };
    if (formerParentId !== null) await record(m, event.orgId, formerParentId, [{ kind: 'SUBGROUP_DETACHED', ...entry }]);
    await record(m, event.orgId, parentId, [{ kind: 'SUBGROUP_ATTACHED', ...entry }]);
  },
  'groups.subgroup.detached': async (event, m) => {
    const { groupId, parentId } = event.payload;
    const [, changed] = (await m.query(`UPDATE known_groups SET parent_id = NULL WHERE id = $1 AND parent_id = $2`, [groupId, parentId])) as [unknown, number];
    if (changed === 0) return;
    await announceReaders(m, event.orgId, await groupAndAncestors(m, parentId), 'REMOVED', await readersBelow(m, groupId));
    // No one in particular detaches the sub-groups of a group being deleted: its history ends with it.
    const detachedBy = event.payload.detachedBy ?? null;
    if (detachedBy !== null) {
      await record(m, event.orgId, parentId, [
        { kind: 'SUBGROUP_DETACHED', actorId: detachedBy, name: await nameOf(m, groupId), subgroupId: groupId, at: event.occurredAt },
      ]);
    }
  },
  'groups.memberships.added': async (event, m) => {
    const { groupId, members } = event.payload;
    const upserted = (await m.query(
      `INSERT INTO group_members (group_id, user_id, role)
       SELECT $1, u, r FROM unnest($2::uuid[], $3::text[]) AS t(u, r)
       ON CONFLICT (group_id, user_id) DO UPDATE SET role = EXCLUDED.role
       RETURNING user_id, role, (xmax = 0) AS fresh`,
      [groupId, members.map((x) => x.userId), members.map((x) => x.role)],
    )) as { user_id: string; role: MemberRole; fresh: boolean }[];
    const fresh = upserted.filter((row) => row.fresh);
    const added = fresh.map((row) => row.user_id);
    await adjustMemberCount(m, groupId, added.length);
    await announceReaders(m, event.orgId, await groupAndAncestors(m, groupId), 'ADDED', added);
    // Each person added hears of it, except one who joined by themselves (a link, or the group they created).
    const addedBy = event.payload.addedBy ?? null;
    await storeNotifications(
      m,
      { groupId, actorId: addedBy, key: groupId, orgId: event.orgId },
      added.filter((userId) => userId !== addedBy).map((userId) => ({ userId, kind: 'GROUP_ADDED' as const })),
    );
    await record(
      m,
      event.orgId,
      groupId,
      addedEntries(
        addedBy,
        fresh.map((row) => ({ userId: row.user_id, role: row.role })),
        event.occurredAt,
      ),
    );
  },
  'groups.join-request.filed': async (event, m) => {
    const { groupId, userId, orgAdminIds = [] } = event.payload;
    // Whoever may decide it: the group's admins, and its organisation's admins as the event names them.
    const admins = (await m.query(`SELECT user_id FROM group_members WHERE group_id = $1 AND role IN ('OWNER', 'ADMIN') AND user_id <> $2`, [
      groupId,
      userId,
    ])) as { user_id: string }[];
    const deciders = new Set([...admins.map((admin) => admin.user_id), ...orgAdminIds.filter((id) => id !== userId)]);
    await storeNotifications(
      m,
      { groupId, actorId: userId, key: groupId, orgId: event.orgId },
      [...deciders].map((id) => ({ userId: id, kind: 'JOIN_REQUEST' as const })),
    );
  },
  'groups.memberships.role-changed': async (event, m) => {
    const { groupId, members } = event.payload;
    const [changed] = (await m.query(
      `UPDATE group_members gm SET role = t.r FROM unnest($2::uuid[], $3::text[]) AS t(u, r)
        WHERE gm.group_id = $1 AND gm.user_id = t.u AND gm.role IS DISTINCT FROM t.r
        RETURNING gm.user_id, gm.role`,
      [groupId, members.map((x) => x.userId), members.map((x) => x.role)],
    )) as [{ user_id: string; role: MemberRole }[], number];
    await record(
      m,
      event.orgId,
      groupId,
      roleEntries(
        event.payload.changedBy ?? null,
        changed.map((row) => ({ userId: row.user_id, role: row.role })),
        event.occurredAt,
      ),
    );
  },
  'groups.memberships.removed': async (event, m) => {
    const { groupId, userIds } = event.payload;
    const removed = (
      (await m.query(`DELETE FROM group_members WHERE group_id = $1 AND user_id = ANY($2::uuid[]) RETURNING user_id`, [groupId, userIds])) as [
        { user_id: string }[],
        number,
      ]
    )[0].map((row) => row.user_id);
    await m.query(`DELETE FROM read_receipts WHERE group_id = $1 AND user_id = ANY($2::uuid[])`, [groupId, userIds]);
    await adjustMemberCount(m, groupId, -removed.length);
    await announceReaders(m, event.orgId, await groupAndAncestors(m, groupId), 'REMOVED', removed);
    await record(m, event.orgId, groupId, removedEntries(event.payload.removedBy ?? null, removed, event.occurredAt));
  },
};
