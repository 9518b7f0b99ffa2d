import { notFound } from '@kz/errors';
import type { GroupsContext } from '../context';
import { loadVisibleGroup } from './group.resolvers';

export const queryResolvers = {
  Query: {
    group: async (_: unknown, args: { id: string }, ctx: GroupsContext) => {
      const group = await loadVisibleGroup(ctx, args.id);
      if (!group) throw notFound('Group');
      return group;
    },
    myGroups: (_: unknown, args: { first?: number | null; after?: string | null }, ctx: GroupsContext) =>
      ctx.services.groups.myGroups(ctx.caller, args.first, args.after),
    inviteLink: (_: unknown, args: { token: string }, ctx: GroupsContext) => ctx.services.invites.preview(ctx.caller, args.token),
  },
};
