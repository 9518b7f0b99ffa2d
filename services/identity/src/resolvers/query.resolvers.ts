import { SUGGESTED_ATTRIBUTES } from '../domain/attribute-values';
import type { Resolvers } from '../generated/resolvers-types';

export const queryResolvers: Pick<Resolvers, 'Query'> = {
  Query: {
    me: async (_, __, ctx) => {
      if (ctx.caller.kind !== 'user') return null;
      const [user] = await ctx.services.users.byIds([ctx.caller.userId]);
      return user ?? null;
    },
    organization: (_, args, ctx) => ctx.services.organizations.getVisible(ctx.caller, args.id),
    suggestedUserAttributes: () => [...SUGGESTED_ATTRIBUTES],
  },
};
