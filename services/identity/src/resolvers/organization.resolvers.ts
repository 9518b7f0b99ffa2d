import type { OrganizationEntity } from '../entities/organization.entity';
import type { OrganizationRole } from '../entities/organization-member.entity';
import type { AuditEntryView } from '../domain/audit/audit-log.service';
import type { Resolvers } from '../generated/resolvers-types';

const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));

const auditEntryOf = (e: AuditEntryView) => ({ ...e, sequence: e.seq, occurredAt: new Date(e.occurredAt), before: json(e.before), after: json(e.after) });

export const organizationResolvers: Pick<Resolvers, 'Organization'> = {
  Organization: {
    __resolveReference: async (ref, ctx) =>
      ctx.loaders
        .get<string, OrganizationEntity>('organization', async (ids) => {
          const rows = await ctx.services.organizations.byIds(ids);
          const byId = new Map(rows.map((o) => [o.id, o]));
          return ids.map((id) => byId.get(id) ?? null);
        })
        .load(ref.id),
    myRole: async (org, _, ctx) => {
      if (ctx.caller.kind !== 'user') return null;
      const userId = ctx.caller.userId;
      return ctx.loaders
        .get<string, OrganizationRole>(`org-role:${userId}`, async (orgIds) => {
          const rows = await ctx.services.organizations.rolesOf(userId, orgIds);
          const byOrg = new Map(rows.map((r) => [r.orgId, r.role]));
          return orgIds.map((id) => byOrg.get(id) ?? null);
        })
        .load(org.id);
    },
    messageRetentionDays: async (org, _, ctx) => ((await ctx.services.organizations.administers(ctx.caller, org.id)) ? org.messageRetentionDays : null),
    directory: (org, args, ctx) => ctx.services.directory.list(ctx.caller, org.id, args),
    directoryMatches: (org, args, ctx) => ctx.services.directory.matches(ctx.caller, org.id, args.phones, args.names),
    attributeDefinitions: (org, _, ctx) => ctx.services.attributes.list(ctx.caller, org.id),
    connectors: (org, _, ctx) => ctx.services.connectors.list(ctx.caller, org.id),
    auditLog: async (org, args, ctx) => {
      const page = await ctx.services.auditLog.page(ctx.caller, org.id, args.filter ?? {}, args.first ?? 50, args.after ?? null);
      return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: auditEntryOf(e.node) })) };
    },
    auditLogIntegrity: async (org, _, ctx) => {
      const check = await ctx.services.auditLog.checkChain(ctx.caller, org.id);
      return {
        intact: check.intact,
        entries: check.entries,
        headHash: check.headHash,
        brokenAt: check.broken?.seq ?? null,
        problem: check.broken?.reason ?? null,
      };
    },
  },
};
