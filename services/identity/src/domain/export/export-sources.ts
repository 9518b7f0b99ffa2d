import { countRows, decodeExportCursor, isoOrNull, keysetPage, type ExportSource } from '@kz/server';
import type { DataSource } from 'typeorm';

interface PersonRow {
  user_id: string;
  display_name: string;
  phone: string;
  role: string;
  network: string;
  joined_at: Date;
  signed_up_at: Date | null;
  attributes: Record<string, unknown>;
}

interface AttributeDefinitionRow {
  key: string;
  name: string;
  type: string;
  mandatory: boolean;
  created_at: Date;
}

interface OrganizationRow {
  id: string;
  name: string;
  created_by: string;
  created_at: Date;
  message_retention_days: number | null;
}

/** What identity holds of an organisation, for its export: the organisation, its directory, its attribute definitions. */
export function identityExportSources(dataSource: DataSource): Record<string, ExportSource> {
  return {
    organization: {
      count: (orgId) => countRows(dataSource, `SELECT count(*) AS n FROM organizations WHERE id = $1`, [orgId]),
      page: async (orgId) => {
        const rows = (await dataSource.query(`SELECT id, name, created_by, created_at, message_retention_days FROM organizations WHERE id = $1`, [
          orgId,
        ])) as OrganizationRow[];
        return {
          next: null,
          records: rows.map((o) => ({
            id: o.id,
            name: o.name,
            createdBy: o.created_by,
            createdAt: o.created_at.toISOString(),
            messageRetentionDays: o.message_retention_days,
          })),
        };
      },
    },
    people: {
      count: (orgId) => countRows(dataSource, `SELECT count(*) AS n FROM organization_members WHERE org_id = $1`, [orgId]),
      page: async (orgId, _range, after, limit) => {
        const [afterId] = decodeExportCursor(after, 1) ?? [null];
        const rows = (await dataSource.query(
          `SELECT m.user_id, u.display_name, m.phone, m.role, m.network, m.joined_at, u.signed_up_at, m.attributes
             FROM organization_members m JOIN users u ON u.id = m.user_id
            WHERE m.org_id = $1 AND ($2::uuid IS NULL OR m.user_id > $2::uuid)
            ORDER BY m.user_id LIMIT $3`,
          [orgId, afterId, limit],
        )) as PersonRow[];
        return keysetPage(
          rows,
          limit,
          (p) => [p.user_id],
          (p) => ({
            id: p.user_id,
            name: p.display_name,
            phone: p.phone,
            role: p.role,
            network: p.network,
            attributes: p.attributes,
            joinedAt: p.joined_at.toISOString(),
            signedUpAt: isoOrNull(p.signed_up_at),
          }),
        );
      },
    },
    'attribute-definitions': {
      count: (orgId) => countRows(dataSource, `SELECT count(*) AS n FROM attribute_definitions WHERE org_id = $1`, [orgId]),
      page: async (orgId, _range, after, limit) => {
        const [afterKey] = decodeExportCursor(after, 1) ?? [null];
        const rows = (await dataSource.query(
          `SELECT key, name, type, mandatory, created_at FROM attribute_definitions
            WHERE org_id = $1 AND ($2::text IS NULL OR key > $2) ORDER BY key LIMIT $3`,
          [orgId, afterKey, limit],
        )) as AttributeDefinitionRow[];
        return keysetPage(
          rows,
          limit,
          (d) => [d.key],
          (d) => ({ key: d.key, name: d.name, type: d.type, mandatory: d.mandatory, createdAt: d.created_at.toISOString() }),
        );
      },
    },
  };
}
