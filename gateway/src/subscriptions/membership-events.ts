import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { AnyEnvelope } from '@kz/events';
import { entityThroughSupergraph, followGroups } from './follow-groups';
import type { AccessChange } from './group-event-stream';

/** Non-null group exactly for someone who may see the group (the groups service, which makes memberships, decides). */
const CAN_SEE_GROUP = `query KzCanSee($id: ID!) { group(id: $id) { id } }`;

interface MembershipEventPayload {
  kind: 'ADDED' | 'REMOVED' | 'ROLE_CHANGED' | 'ACCESS_ENDED';
  groupId: string;
  userIds: string[];
  role: string | null;
}

function selectMembershipEvent(event: AnyEnvelope): { groupId: string; item: MembershipEventPayload } | null {
  const sharedRole = (members: readonly { role: string }[]) => (members.every((m) => m.role === members[0]?.role) ? (members[0]?.role ?? null) : null);
  switch (event.type) {
    case 'groups.memberships.added':
    case 'groups.memberships.role-changed': {
      const { groupId, members } = event.payload;
      const kind = event.type === 'groups.memberships.added' ? 'ADDED' : 'ROLE_CHANGED';
      return { groupId, item: { kind, groupId, userIds: members.map((m) => m.userId), role: sharedRole(members) } };
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
  field.subscribe = followGroups<MembershipEventPayload>({
    canFollow: CAN_SEE_GROUP,
    select: selectMembershipEvent,
    personalChange: ownMembershipChange,
    groupChange: hierarchyChange,
    accessEnded: (groupId) => ({ kind: 'ACCESS_ENDED', groupId, userIds: [], role: null }),
    rootField: 'membershipEvents',
  }) as GraphQLFieldResolver<unknown, unknown>;
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
