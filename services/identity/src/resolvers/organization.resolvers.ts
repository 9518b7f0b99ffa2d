import type { OrganizationEntity } from '../entities/organization.entity';
import type { OrganizationRole } from '../entities/organization-member.entity';
import type { Resolvers } from '../generated/resolvers-types';

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
    directory: (org, args, ctx) => ctx.services.directory.list(ctx.caller, org.id, args),
    attributeDefinitions: (org, _, ctx) => ctx.services.attributes.list(ctx.caller, org.id),
    connectors: (org, _, ctx) => ctx.services.connectors.list(ctx.caller, org.id),
  },
};
