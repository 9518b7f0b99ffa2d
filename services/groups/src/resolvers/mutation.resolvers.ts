import type { Resolvers } from '../generated/resolvers-types';
import { standingOf } from './standing';

export const mutationResolvers: Pick<Resolvers, 'Mutation'> = {
  Mutation: {
    createGroup: async (_, { input }, ctx) => ({
      group: await ctx.services.groups.create(ctx.caller, standingOf(ctx), input),
    }),
    setGroupRetention: async (_, { input }, ctx) => ({
      group: await ctx.services.groups.setRetention(ctx.caller, standingOf(ctx), input.groupId, input.keepDays ?? null, input.legalHold ?? false),
    }),
    updateGroup: async (_, { input }, ctx) => ({
      group: await ctx.services.groups.update(ctx.caller, standingOf(ctx), input.groupId, input),
    }),
    deleteGroup: async (_, { input }, ctx) => {
      await ctx.services.groups.delete(ctx.caller, standingOf(ctx), input.groupId);
      return { deleted: true };
    },
    attachSubgroup: async (_, { input }, ctx) => ({
      group: await ctx.services.hierarchy.attach(ctx.caller, standingOf(ctx), input.parentId, input.groupId),
    }),
    detachSubgroup: async (_, { input }, ctx) => ({
      group: await ctx.services.hierarchy.detach(ctx.caller, standingOf(ctx), input.groupId),
    }),
    linkGroupToOrganization: async (_, { input }, ctx) => ({
      group: await ctx.services.hierarchy.link(ctx.caller, standingOf(ctx), input.groupId, input.organizationId),
    }),
    unlinkGroupFromOrganization: async (_, { input }, ctx) => ({
      group: await ctx.services.hierarchy.unlink(ctx.caller, standingOf(ctx), input.groupId),
    }),
    addGroupMembers: async (_, { input }, ctx) => {
      // The schema's default covers a role left out, not one sent as an explicit null.
      const members = input.members.map((m) => ({ phone: m.phone, role: m.role ?? 'MEMBER' }));
      const { group, outcomes } = await ctx.services.memberships.add(ctx.caller, standingOf(ctx), input.groupId, members, {
        requestKey: input.requestKey,
        receipt: input.directoryReceipt,
      });
      return { group, outcomes: outcomes.map((o) => ({ ...o, user: o.userId ? { id: o.userId } : null })) };
    },
    removeGroupMembers: (_, { input }, ctx) => ctx.services.memberships.remove(ctx.caller, standingOf(ctx), input.groupId, input.userIds),
    setGroupRole: async (_, { input }, ctx) => ({
      membership: await ctx.services.memberships.setRole(ctx.caller, standingOf(ctx), input.groupId, input.userId, input.role),
    }),
    leaveGroup: async (_, { input }, ctx) => {
      await ctx.services.memberships.leave(ctx.caller, input.groupId);
      return { left: true };
    },
    createInviteLink: async (_, { input }, ctx) => ({
      inviteLink: await ctx.services.invites.create(ctx.caller, standingOf(ctx), input.groupId, input),
    }),
    revokeInviteLink: async (_, { input }, ctx) => ({
      inviteLink: await ctx.services.invites.revoke(ctx.caller, standingOf(ctx), input.inviteLinkId),
    }),
    joinGroupByLink: (_, { input }, ctx) => ctx.services.invites.join(ctx.caller, input.token),
    decideJoinRequest: async (_, { input }, ctx) => ({
      joinRequest: await ctx.services.invites.decide(ctx.caller, standingOf(ctx), input.joinRequestId, input.accept),
    }),
  },
};
