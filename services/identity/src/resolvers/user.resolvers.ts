import type { IdentityContext } from '../context';
import { isConnectorAuthor, type UserRecord } from '../domain/users.service';
import type { Resolvers } from '../generated/resolvers-types';

function isSelf(ctx: IdentityContext, user: UserRecord): boolean {
  return ctx.caller.kind === 'user' && ctx.caller.userId === user.id;
}

export function loadUser(ctx: IdentityContext, id: string): Promise<UserRecord | null> {
  return ctx.loaders
    .get<string, UserRecord>('user', async (ids) => {
      const rows = await ctx.services.users.usersOrConnectorsByIds(ids);
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((userId) => byId.get(userId) ?? null);
    })
    .load(id);
}

export const userResolvers: Pick<Resolvers, 'User'> = {
  User: {
    __resolveReference: (ref, ctx) => loadUser(ctx, ref.id),
    kind: (user) => (isConnectorAuthor(user) ? 'CONNECTOR' : 'PERSON'),
    phone: (user, _, ctx) => (!isConnectorAuthor(user) && isSelf(ctx, user) ? user.phone : null),
    organizations: async (user, _, ctx) => {
      if (!isSelf(ctx, user)) return [];
      const memberships = await ctx.services.organizations.membershipsOf(user.id);
      // Identity owns Organization, so the gateway never resolves these as references: a bare { id } would answer
      // null for name. The organisations are loaded here instead.
      const organizations = new Map((await ctx.services.organizations.byIds(memberships.map((m) => m.orgId))).map((o) => [o.id, o]));
      return memberships.flatMap((m) => {
        const organization = organizations.get(m.orgId);
        return organization ? [{ organization, role: m.role, network: m.network }] : [];
      });
    },
  },
};
