import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { AnyEnvelope } from '@kz/events';
import { entityThroughSupergraph, followGroups } from './follow-groups';
import type { AccessChange } from './group-event-stream';
import type { SubscriberContext } from './subscriber-context';

/** Non-null group exactly for someone who may see the group (the groups service, which makes memberships, decides). */
const CAN_SEE_GROUP = `query KzCanSee($id: ID!) { group(id: $id) { id } }`;

interface MembershipEventPayload {
  kind: 'ADDED' | 'REMOVED' | 'ROLE_CHANGED' | 'ACCESS_ENDED';
  groupId: string;
  userIds: string[];
  role: string | null;
  /** Each person's role, where the event says (ADDED, ROLE_CHANGED): not shown, it decides who a subscriber sees. */
  roles?: ReadonlyMap<string, string>;
}

/** The facts of Group.members' rule of who sees whom. */
const MEMBER_VIEW = `query KzMemberView($id: ID!) { group(id: $id) { kind myRole organization { myRole } } }`;

/**
 * Whether the subscriber sees every member of the group, as Group.members decides: everyone but the subscribers of a
 * broadcast group (who see its admins and themselves), and connectors, which follow memberships for their
 * organisation. Rejects when the supergraph could not tell.
 */
async function seesEveryMember(ctx: SubscriberContext, groupId: string): Promise<boolean> {
  if (ctx.gateway.caller.kind === 'connector') return true;
  const result = await ctx.execute(MEMBER_VIEW, { id: groupId });
  const group = result.data?.['group'] as { kind: string; myRole: string | null; organization: { myRole: string | null } | null } | null | undefined;
  if (!group) throw new Error(`The member view of group ${groupId} could not be read: ${result.errors?.[0]?.message ?? 'no group'}`);
  return group.kind !== 'BROADCAST' || group.myRole === 'OWNER' || group.myRole === 'ADMIN' || group.organization?.myRole === 'ADMIN';
}

/** What a subscriber who does not see every member is told of an event: its admins and themselves, or nothing. */
function restrictedTo(item: MembershipEventPayload, subscriberId: string): MembershipEventPayload | null {
  const admin = (userId: string) => item.roles?.get(userId) === 'OWNER' || item.roles?.get(userId) === 'ADMIN';
  const userIds = item.userIds.filter((userId) => userId === subscriberId || (item.kind !== 'REMOVED' && admin(userId)));
  return userIds.length === 0 ? null : { ...item, userIds };
}

/**
 * The stream with what each subscriber may see of it: a decision per group, asked again once an event concerns the
 * subscriber themselves (their role, and so their view, may have changed). A decision that could not be made
 * restricts, as the safe side.
 */
async function* visibleMembersOnly(
  stream: AsyncGenerator<{ membershipEvents: MembershipEventPayload }>,
  ctx: SubscriberContext,
): AsyncGenerator<{ membershipEvents: MembershipEventPayload }> {
  const decisions = new Map<string, Promise<boolean>>();
  try {
    for await (const wrapped of stream) {
      const item = wrapped.membershipEvents;
      if (item.kind === 'ACCESS_ENDED') {
        yield wrapped;
        continue;
      }
      let decision = decisions.get(item.groupId);
      if (!decision) {
        decision = seesEveryMember(ctx, item.groupId);
        decisions.set(item.groupId, decision);
        decision.catch(() => decisions.get(item.groupId) === decision && decisions.delete(item.groupId));
      }
      const everyone = await decision.catch(() => false);
      if (item.userIds.includes(ctx.userId)) decisions.delete(item.groupId);
      const shown = everyone ? item : restrictedTo(item, ctx.userId);
      if (shown) yield { membershipEvents: shown };
    }
  } finally {
    await stream.return(undefined);
  }
}

function selectMembershipEvent(event: AnyEnvelope): { groupId: string; item: MembershipEventPayload } | null {
  const sharedRole = (members: readonly { role: string }[]) => (members.every((m) => m.role === members[0]?.role) ? (members[0]?.role ?? null) : null);
  switch (event.type) {
    case 'groups.memberships.added':
    case 'groups.memberships.role-changed': {
      const { groupId, members } = event.payload;
      const kind = event.type === 'groups.memberships.added' ? 'ADDED' : 'ROLE_CHANGED';
      return {
        groupId,
        item: { kind, groupId, userIds: members.map((m) => m.userId), role: sharedRole(members), roles: new Map(members.map((m) => [m.userId, m.role])) },
      };
    }
    case 'groups.memberships.removed':
      return { groupId: event.payload.groupId, item: { kind: 'REMOVED', groupId: event.payload.groupId, userIds: event.payload.userIds, role: null } };
    default:
      return null;
  }
}

/**
 * Seeing a group is the groups service's to say, and these events are its own, sent after it applied them: a
 * decision asked after one of them holds its effect. A membership the subscriber gains or loses may change which
 * groups they see anywhere in the hierarchy; losing one ends a stream of that group.
 */
function ownMembershipChange(event: AnyEnvelope): AccessChange | null {
  switch (event.type) {
    case 'groups.memberships.added':
      return { groupId: event.payload.groupId, forget: 'every group', followed: 'continues' };
    case 'groups.memberships.removed':
      return { groupId: event.payload.groupId, forget: 'every group', followed: 'ends' };
    // An organisation admin sees its groups without being in them: a removal or demotion asks again of every group.
    case 'groups.org-standing.changed':
      return { groupId: null, forget: 'every group', followed: event.payload.role === 'ADMIN' ? 'continues' : 'asks' };
    default:
      return null;
  }
}

function hierarchyChange(event: AnyEnvelope): AccessChange | null {
  switch (event.type) {
    case 'groups.group.deleted':
      return { groupId: event.payload.groupId, forget: 'every group', followed: 'ends' };
    case 'groups.subgroup.attached':
    case 'groups.subgroup.detached':
      return { groupId: event.payload.groupId, forget: 'every group', followed: 'continues' };
    default:
      return null;
  }
}

/** membershipEvents: members added, removed or given another role, in one group or every group the subscriber sees. */
export function wireMembershipEvents(schema: GraphQLSchema): void {
  const field = schema.getSubscriptionType()!.getFields()['membershipEvents']!;
  const follow = followGroups<MembershipEventPayload>({
    canFollow: CAN_SEE_GROUP,
    select: selectMembershipEvent,
    personalChange: ownMembershipChange,
    groupChange: hierarchyChange,
    accessEnded: (groupId) => ({ kind: 'ACCESS_ENDED', groupId, userIds: [], role: null }),
    rootField: 'membershipEvents',
  });
  field.subscribe = (async (root, args, ctx, info) =>
    visibleMembersOnly((await follow(root, args, ctx, info)) as AsyncGenerator<{ membershipEvents: MembershipEventPayload }>, ctx)) as GraphQLFieldResolver<
    unknown,
    SubscriberContext,
    { groupId?: string | null }
  >;
  field.resolve = (source: { membershipEvents: MembershipEventPayload }) => source.membershipEvents;

  const event = (schema.getType('MembershipEvent') as GraphQLObjectType).getFields();
  event['kind']!.resolve = (e: MembershipEventPayload) => e.kind;
  event['groupId']!.resolve = (e: MembershipEventPayload) => e.groupId;
  event['userIds']!.resolve = (e: MembershipEventPayload) => e.userIds;
  event['role']!.resolve = (e: MembershipEventPayload) => e.role;
  event['group']!.resolve = entityThroughSupergraph('group', (e: MembershipEventPayload) =>
    e.kind === 'ACCESS_ENDED' ? null : e.groupId,
  ) as GraphQLFieldResolver<unknown, unknown>;
}
