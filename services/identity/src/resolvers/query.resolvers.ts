import type { IdentityContext } from '../context';
import { SUGGESTED_ATTRIBUTES } from '../domain/attribute-values';

export const queryResolvers = {
  Query: {
    me: async (_: unknown, __: unknown, ctx: IdentityContext) => {
      if (ctx.caller.kind !== 'user') return null;
      const [user] = await ctx.services.users.byIds([ctx.caller.userId]);
      return user ?? null;
    },
    organization: (_: unknown, args: { id: string }, ctx: IdentityContext) => ctx.services.organizations.getVisible(ctx.caller, args.id),
    suggestedUserAttributes: () => SUGGESTED_ATTRIBUTES,
  },
};
