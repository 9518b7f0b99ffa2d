import type { OrganizationEntity } from '../entities/organization.entity';
import type { IdentityContext } from '../context';
import type { DirectoryQuery } from '../domain/directory.service';

export const organizationResolvers = {
  Organization: {
    __resolveReference: async (ref: { id: string }, ctx: IdentityContext) =>
      ctx.loaders
        .get<string, OrganizationEntity>('organization', async (ids) => {
          const rows = await ctx.services.organizations.byIds(ids);
          const byId = new Map(rows.map((o) => [o.id, o]));
          return ids.map((id) => byId.get(id) ?? null);
        })
        .load(ref.id),
    myRole: async (org: OrganizationEntity, _: unknown, ctx: IdentityContext) => {
      if (ctx.caller.kind !== 'user') return null;
      const userId = ctx.caller.userId;
      return ctx.loaders
        .get<string, string>(`org-role:${userId}`, async (orgIds) => {
          const rows = await ctx.services.organizations.rolesOf(userId, orgIds);
          const byOrg = new Map(rows.map((r) => [r.orgId, r.role]));
          return orgIds.map((id) => byOrg.get(id) ?? null);
        })
        .load(org.id);
    },
    directory: (org: OrganizationEntity, args: DirectoryQuery, ctx: IdentityContext) => ctx.services.directory.list(ctx.caller, org.id, args),
    attributeDefinitions: (org: OrganizationEntity, _: unknown, ctx: IdentityContext) => ctx.services.attributes.list(ctx.caller, org.id),
    connectors: (org: OrganizationEntity, _: unknown, ctx: IdentityContext) => ctx.services.connectors.list(ctx.caller, org.id),
  },
};
