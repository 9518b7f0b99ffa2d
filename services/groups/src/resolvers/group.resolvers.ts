import { forbidden } from '@kz/errors';
import type { GroupsContext } from '../context';
import type { GroupEntity } from '../entities/group.entity';
import type { GroupRole } from '../entities/membership.entity';
import type { Resolvers } from '../generated/resolvers-types';
import { standingOf } from './standing';

export function loadVisibleGroup(ctx: GroupsContext, id: string) {
  return ctx.loaders
    .get<string, GroupEntity>('visible-group', async (ids) => {
      const rows = await ctx.services.groups.visibleByIds(ctx.caller, standingOf(ctx), ids);
      const byId = new Map(rows.map((g) => [g.id, g]));
      return ids.map((gid) => byId.get(gid) ?? null);
    })
    .load(id);
}

const managedPerRequest = new WeakMap<GroupsContext, Map<string, Promise<boolean>>>();

/** Whether the caller manages the group, asked once per request however many fields need it. */
function managesOnce(ctx: GroupsContext, group: GroupEntity): Promise<boolean> {
  let answers = managedPerRequest.get(ctx);
  if (!answers) managedPerRequest.set(ctx, (answers = new Map()));
  let answer = answers.get(group.id);
  if (!answer) answers.set(group.id, (answer = ctx.services.groups.callerManages(ctx.caller, standingOf(ctx), group)));
  return answer;
}

async function requireManager(ctx: GroupsContext, group: GroupEntity): Promise<void> {
  if (!(await managesOnce(ctx, group))) throw forbidden("Only the group's owner and admins can see this.");
}

export const groupResolvers: Pick<Resolvers, 'Group' | 'Organization' | 'Membership' | 'JoinRequest'> = {
  Group: {
    __resolveReference: (ref, ctx) => loadVisibleGroup(ctx, ref.id),
    organization: (group) => (group.orgId ? { id: group.orgId } : null),
    // A parent the caller cannot see shows as null rather than leaking it.
    parent: (group, _, ctx) => (group.parentId ? loadVisibleGroup(ctx, group.parentId) : null),
    subgroups: (group, args, ctx) => ctx.services.groups.subgroups(ctx.caller, standingOf(ctx), group, args.first, args.after),
    memberCountWithSubgroups: (group, _, ctx) => ctx.services.groups.memberCountWithSubgroups(group.id),
    myRole: async (group, _, ctx) => {
      if (ctx.caller.kind !== 'user') return null;
      const userId = ctx.caller.userId;
      return ctx.loaders
        .get<string, GroupRole>('my-role', async (groupIds) => {
          const rows = await ctx.services.groups.rolesOf(userId, groupIds);
          const byGroup = new Map(rows.map((r) => [r.groupId, r.role]));
          return groupIds.map((id) => byGroup.get(id) ?? null);
        })
        .load(group.id);
    },
    // Every Group reaching a resolver was loaded through the caller's visibility rules.
    members: (group, args, ctx) => ctx.services.memberships.list(ctx.caller, standingOf(ctx), group, args),
    inviteLinks: async (group, _, ctx) => {
      await requireManager(ctx, group);
      return ctx.services.invites.linksOf(group.id);
    },
    messageRetentionDays: async (group, _, ctx) => ((await managesOnce(ctx, group)) ? group.messageRetentionDays : null),
    legalHold: async (group, _, ctx) => (await managesOnce(ctx, group)) && group.legalHold,
    joinRequests: async (group, args, ctx) => {
      await requireManager(ctx, group);
      return ctx.services.invites.pendingRequests(group.id, args.first, args.after);
    },
  },
  Organization: {
    groups: (org, args, ctx) => ctx.services.groups.ofOrganization(ctx.caller, standingOf(ctx), org.id, args.first, args.after),
  },
  Membership: {
    user: (membership) => ({ id: membership.userId }),
  },
  JoinRequest: {
    user: (request) => ({ id: request.userId }),
  },
};
