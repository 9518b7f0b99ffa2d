import type { GroupEntity } from '../entities/group.entity';
import type { GroupsContext } from '../context';

export function loadVisibleGroup(ctx: GroupsContext, id: string) {
  return ctx.loaders
    .get<string, GroupEntity>('visible-group', async (ids) => {
      const rows = await ctx.services.groups.visibleByIds(ctx.caller, ids);
      const byId = new Map(rows.map((g) => [g.id, g]));
      return ids.map((gid) => byId.get(gid) ?? null);
    })
    .load(id);
}

export const groupResolvers = {
  Group: {
    __resolveReference: (ref: { id: string }, ctx: GroupsContext) => loadVisibleGroup(ctx, ref.id),
    organization: (group: GroupEntity) => (group.orgId ? { id: group.orgId } : null),
    myRole: async (group: GroupEntity, _: unknown, ctx: GroupsContext) => {
      if (ctx.caller.kind !== 'user') return null;
      const userId = ctx.caller.userId;
      return ctx.loaders
        .get<string, string>('my-role', async (groupIds) => {
          const rows = await ctx.services.groups.rolesOf(userId, groupIds);
          const byGroup = new Map(rows.map((r) => [r.groupId, r.role]));
          return groupIds.map((id) => byGroup.get(id) ?? null);
        })
        .load(group.id);
    },
    members: async (group: GroupEntity, args: { first?: number | null; after?: string | null }, ctx: GroupsContext) =>
      ctx.services.groups.members(ctx.caller, group.id, args.first, args.after),
  },
  Organization: {
    groups: (org: { id: string }, args: { first?: number | null; after?: string | null }, ctx: GroupsContext) =>
      ctx.services.groups.ofOrganization(ctx.caller, org.id, args.first, args.after),
  },
  Membership: {
    user: (membership: { userId: string }) => ({ id: membership.userId }),
  },
};
