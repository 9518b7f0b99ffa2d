import { notFound } from '@kz/errors';
import type { Resolvers } from '../generated/resolvers-types';
import { loadVisibleGroup } from './group.resolvers';

export const queryResolvers: Pick<Resolvers, 'Query'> = {
  Query: {
    group: async (_, args, ctx) => {
      const group = await loadVisibleGroup(ctx, args.id);
      if (!group) throw notFound('Group');
      return group;
    },
    myGroups: (_, args, ctx) => ctx.services.groups.myGroups(ctx.caller, args.first, args.after),
    inviteLink: (_, args, ctx) => ctx.services.invites.preview(ctx.caller, args.token),
  },
};
