import type { UserEntity } from '../entities/user.entity';
import type { IdentityContext } from '../context';

type UserRef = { id: string } | UserEntity;

function isSelf(ctx: IdentityContext, user: UserEntity): boolean {
  return ctx.caller.kind === 'user' && ctx.caller.userId === user.id;
}

export const userResolvers = {
  User: {
    __resolveReference: async (ref: UserRef, ctx: IdentityContext) =>
      ctx.loaders
        .get<string, UserEntity>('user', async (ids) => {
          const rows = await ctx.services.users.byIds(ids);
          const byId = new Map(rows.map((u) => [u.id, u]));
          return ids.map((id) => byId.get(id) ?? null);
        })
        .load(ref.id),
    phone: (user: UserEntity, _: unknown, ctx: IdentityContext) => (isSelf(ctx, user) ? user.phone : null),
    organizations: async (user: UserEntity, _: unknown, ctx: IdentityContext) => {
      if (!isSelf(ctx, user)) return [];
      const memberships = await ctx.services.organizations.membershipsOf(user.id);
      return memberships.map((m) => ({ organization: { id: m.orgId }, role: m.role, network: m.network }));
    },
  },
};
