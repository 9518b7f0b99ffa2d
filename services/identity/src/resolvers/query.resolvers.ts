import { requireUser } from '@kz/auth';
import type { IdentityContext } from '../context';

export const queryResolvers = {
  Query: {
    me: async (_: unknown, __: unknown, ctx: IdentityContext) => {
      if (ctx.caller.kind !== 'user') return null;
      const [user] = await ctx.services.users.byIds([ctx.caller.userId]);
      return user ?? null;
    },
    organization: async (_: unknown, args: { id: string }, ctx: IdentityContext) =>
      ctx.services.organizations.getForMember(requireUser(ctx.caller).userId, args.id),
  },
};
