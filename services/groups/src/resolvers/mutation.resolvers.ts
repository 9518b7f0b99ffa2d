import { requireUser } from '@kz/auth';
import type { GroupsContext } from '../context';
import type { CreateGroupInput } from '../domain/groups.service';
import type { NewMember } from '../domain/add-members';

export const mutationResolvers = {
  Mutation: {
    createGroup: async (_: unknown, { input }: { input: CreateGroupInput }, ctx: GroupsContext) => ({
      group: await ctx.services.groups.create(requireUser(ctx.caller).userId, input),
    }),
    addGroupMembers: async (_: unknown, { input }: { input: { groupId: string; members: NewMember[] } }, ctx: GroupsContext) => {
      const { group, outcomes } = await ctx.services.groups.addMembers(requireUser(ctx.caller).userId, input.groupId, input.members);
      return { group, outcomes: outcomes.map((o) => ({ ...o, user: o.userId ? { id: o.userId } : null })) };
    },
  },
};
