import type { GroupsContext } from '../context';
import type { NewMember } from '../domain/add-members';
import type { CreateGroupInput, UpdateGroupInput } from '../domain/groups.service';
import type { NewInviteLink } from '../domain/invites.service';
import type { GroupRole } from '../entities/membership.entity';
import { standingOf } from './standing';

type Input<T> = { input: T };
type GroupInput = { groupId: string };

export const mutationResolvers = {
  Mutation: {
    createGroup: async (_: unknown, { input }: Input<CreateGroupInput>, ctx: GroupsContext) => ({
      group: await ctx.services.groups.create(ctx.caller, standingOf(ctx), input),
    }),
    updateGroup: async (_: unknown, { input }: Input<UpdateGroupInput & GroupInput>, ctx: GroupsContext) => ({
      group: await ctx.services.groups.update(ctx.caller, standingOf(ctx), input.groupId, input),
    }),
    deleteGroup: async (_: unknown, { input }: Input<GroupInput>, ctx: GroupsContext) => {
      await ctx.services.groups.delete(ctx.caller, standingOf(ctx), input.groupId);
      return { deleted: true };
    },
    attachSubgroup: async (_: unknown, { input }: Input<GroupInput & { parentId: string }>, ctx: GroupsContext) => ({
      group: await ctx.services.hierarchy.attach(ctx.caller, standingOf(ctx), input.parentId, input.groupId),
    }),
    detachSubgroup: async (_: unknown, { input }: Input<GroupInput>, ctx: GroupsContext) => ({
      group: await ctx.services.hierarchy.detach(ctx.caller, standingOf(ctx), input.groupId),
    }),
    linkGroupToOrganization: async (_: unknown, { input }: Input<GroupInput & { organizationId: string }>, ctx: GroupsContext) => ({
      group: await ctx.services.hierarchy.link(ctx.caller, standingOf(ctx), input.groupId, input.organizationId),
    }),
    unlinkGroupFromOrganization: async (_: unknown, { input }: Input<GroupInput>, ctx: GroupsContext) => ({
      group: await ctx.services.hierarchy.unlink(ctx.caller, standingOf(ctx), input.groupId),
    }),
    addGroupMembers: async (
      _: unknown,
      { input }: Input<GroupInput & { members: NewMember[]; requestKey?: string | null; directoryReceipt?: string | null }>,
      ctx: GroupsContext,
    ) => {
      const { group, outcomes } = await ctx.services.memberships.add(ctx.caller, standingOf(ctx), input.groupId, input.members, {
        requestKey: input.requestKey,
        receipt: input.directoryReceipt,
      });
      return { group, outcomes: outcomes.map((o) => ({ ...o, user: o.userId ? { id: o.userId } : null })) };
    },
    removeGroupMembers: (_: unknown, { input }: Input<GroupInput & { userIds: string[] }>, ctx: GroupsContext) =>
      ctx.services.memberships.remove(ctx.caller, standingOf(ctx), input.groupId, input.userIds),
    setGroupRole: async (_: unknown, { input }: Input<GroupInput & { userId: string; role: GroupRole }>, ctx: GroupsContext) => ({
      membership: await ctx.services.memberships.setRole(ctx.caller, standingOf(ctx), input.groupId, input.userId, input.role),
    }),
    leaveGroup: async (_: unknown, { input }: Input<GroupInput>, ctx: GroupsContext) => {
      await ctx.services.memberships.leave(ctx.caller, input.groupId);
      return { left: true };
    },
    createInviteLink: async (_: unknown, { input }: Input<GroupInput & NewInviteLink>, ctx: GroupsContext) => ({
      inviteLink: await ctx.services.invites.create(ctx.caller, standingOf(ctx), input.groupId, input),
    }),
    revokeInviteLink: async (_: unknown, { input }: Input<{ inviteLinkId: string }>, ctx: GroupsContext) => ({
      inviteLink: await ctx.services.invites.revoke(ctx.caller, standingOf(ctx), input.inviteLinkId),
    }),
    joinGroupByLink: (_: unknown, { input }: Input<{ token: string }>, ctx: GroupsContext) => ctx.services.invites.join(ctx.caller, input.token),
    decideJoinRequest: async (_: unknown, { input }: Input<{ joinRequestId: string; accept: boolean }>, ctx: GroupsContext) => ({
      joinRequest: await ctx.services.invites.decide(ctx.caller, standingOf(ctx), input.joinRequestId, input.accept),
    }),
  },
};
