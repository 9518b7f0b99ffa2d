import { countRows, decodeExportCursor, isoOrNull, keysetPage, pageAcrossGroups, type ExportSource } from '@kz/server';
import type { DataSource } from 'typeorm';

interface GroupRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string | null;
  kind: string;
  announcement_only: boolean;
  welcome_message: string | null;
  message_retention_days: number | null;
  legal_hold: boolean;
  member_count: number;
  created_by: string;
  created_at: Date;
  deleted_at: Date | null;
}

interface MembershipRow {
  user_id: string;
  group_id: string;
  role: string;
  joined_at: Date;
}

/** What groups holds of an organisation, for its export: its groups (deleted ones too, as records) with their hierarchy, and their members. */
export function groupsExportSources(dataSource: DataSource): Record<string, ExportSource> {
  const orgGroupIds = async (orgId: string) =>
    ((await dataSource.query(`SELECT id FROM groups WHERE org_id = $1`, [orgId])) as { id: string }[]).map((g) => g.id);
  return {
    groups: {
      count: (orgId) => countRows(dataSource, `SELECT count(*) AS n FROM groups WHERE org_id = $1`, [orgId]),
      page: async (orgId, _range, after, limit) => {
        const [afterId] = decodeExportCursor(after, 1) ?? [null];
        const rows = (await dataSource.query(
          `SELECT id, parent_id, name, description, kind, announcement_only, welcome_message, message_retention_days, legal_hold,
                  member_count, created_by, created_at, deleted_at
             FROM groups WHERE org_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid) ORDER BY id LIMIT $3`,
          [orgId, afterId, limit],
        )) as GroupRow[];
        return keysetPage(
          rows,
          limit,
          (g) => [g.id],
          (g) => ({
            id: g.id,
            parentId: g.parent_id,
            name: g.name,
            description: g.description,
            kind: g.kind,
            announcementOnly: g.announcement_only,
            welcomeMessage: g.welcome_message,
            messageRetentionDays: g.message_retention_days,
            legalHold: g.legal_hold,
            memberCount: g.member_count,
            createdBy: g.created_by,
            createdAt: g.created_at.toISOString(),
            deletedAt: isoOrNull(g.deleted_at),
          }),
        );
      },
    },
    memberships: {
      count: (orgId) => countRows(dataSource, `SELECT count(*) AS n FROM memberships m JOIN groups g ON g.id = m.group_id WHERE g.org_id = $1`, [orgId]),
      page: async (orgId, _range, after, limit) =>
        pageAcrossGroups<MembershipRow>({
          groupIds: await orgGroupIds(orgId),
          after,
          limit,
          read: async (groupId, afterUser, n) =>
            (await dataSource.query(
              `SELECT group_id, user_id, role, joined_at FROM memberships
                WHERE group_id = $1 AND ($2::uuid IS NULL OR user_id > $2::uuid) ORDER BY user_id LIMIT $3`,
              [groupId, afterUser, n],
            )) as MembershipRow[],
          keyOf: (m) => m.user_id,
          record: (m) => ({ groupId: m.group_id, userId: m.user_id, role: m.role, joinedAt: m.joined_at.toISOString() }),
        }),
    },
  };
}
