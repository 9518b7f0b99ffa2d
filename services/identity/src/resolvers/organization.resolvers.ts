import type { OrganizationEntity } from '../entities/organization.entity';
import type { IdentityContext } from '../context';

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
      const role = await ctx.loaders
        .get<string, string>(`org-role:${userId}`, async (orgIds) => {
          const rows = await ctx.services.organizations.rolesOf(userId, orgIds);
          const byOrg = new Map(rows.map((r) => [r.orgId, r.role]));
          return orgIds.map((id) => byOrg.get(id) ?? null);
        })
        .load(org.id);
      return role;
    },
  },
};
