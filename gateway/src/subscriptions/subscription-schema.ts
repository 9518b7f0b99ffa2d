import { GraphQLError, extendSchema, parse, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { AnyEnvelope } from '@kz/events';
import { ENTITY_ID_VARIABLE, entityQueryFor } from './entity-query';
import { groupEventStream } from './group-event-stream';
import type { SubscriberContext } from './subscriber-context';

const SUBSCRIPTION_SDL = /* GraphQL */ `
  extend schema {
    subscription: Subscription
  }

  enum MessageEventKind {
    SENT
    EDITED
    "The message is now a tombstone (deleted: true)."
    DELETED
    "A poll's answers changed; message.poll has the current results."
    POLL_UPDATED
    "The subscriber can no longer read the group (removed, or the group deleted); the stream ends."
    ACCESS_ENDED
  }

  type MessageEvent {
    kind: MessageEventKind!
    groupId: ID!
    messageId: ID
    "The message as it is now, with any fields of any subgraph; null when the subscriber cannot read it."
    message: Message
  }

  enum MembershipEventKind {
    ADDED
    REMOVED
    ROLE_CHANGED
    "The subscriber can no longer see the group; the stream ends."
    ACCESS_ENDED
  }

  type MembershipEvent {
    kind: MembershipEventKind!
    groupId: ID!
    "The people concerned (up to 2,000 per event for bulk changes)."
    userIds: [ID!]!
    "The role given, for ADDED and ROLE_CHANGED when all share it."
    role: GroupRole
    "The group as it is now, with any fields of any subgraph."
    group: Group
  }

  type Subscription {
    "New, edited and deleted messages and poll results of one group, or of every group the subscriber may read when groupId is left out."
    messageEvents(groupId: ID): MessageEvent!
    "Members added, removed or given another role, in one group or in every group the subscriber sees."
    membershipEvents(groupId: ID): MembershipEvent!
  }
`;

const CAN_READ_MESSAGES = `query KzCanRead($id: ID!) { group(id: $id) { messages(last: 1) { pageInfo { hasPreviousPage } } } }`;
const CAN_SEE_GROUP = `query KzCanSee($id: ID!) { group(id: $id) { id } }`;

interface MessageEventPayload {
  kind: 'SENT' | 'EDITED' | 'DELETED' | 'POLL_UPDATED' | 'ACCESS_ENDED';
  groupId: string;
  messageId: string | null;
}

interface MembershipEventPayload {
  kind: 'ADDED' | 'REMOVED' | 'ROLE_CHANGED' | 'ACCESS_ENDED';
  groupId: string;
  userIds: string[];
  role: string | null;
}

const MESSAGE_KINDS = {
  'messaging.message.sent': 'SENT',
  'messaging.message.edited': 'EDITED',
  'messaging.message.deleted': 'DELETED',
  'messaging.poll.updated': 'POLL_UPDATED',
} as const;

function selectMessageEvent(event: AnyEnvelope): { groupId: string; item: MessageEventPayload } | null {
  switch (event.type) {
    case 'messaging.message.sent':
    case 'messaging.message.edited':
    case 'messaging.message.deleted':
    case 'messaging.poll.updated':
      return { groupId: event.payload.groupId, item: { kind: MESSAGE_KINDS[event.type], groupId: event.payload.groupId, messageId: event.payload.messageId } };
    default:
      return null;
  }
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

async function allowed(ctx: SubscriberContext, query: string, id: string): Promise<boolean> {
  const result = await ctx.execute(query, { id });
  return !result.errors?.length && Boolean(result.data?.['group']);
}

/** Subscribing checks access first: an outsider learns nothing, not even that the group exists. */
function followGroups<T>(
  canFollow: string,
  select: (event: AnyEnvelope) => { groupId: string; item: T } | null,
  accessEnded: (groupId: string) => T,
  rootField: string,
): GraphQLFieldResolver<unknown, SubscriberContext, { groupId?: string | null }> {
  return async (_root, args, ctx) => {
    const groupId = args.groupId ?? null;
    const mayRead = (id: string) => allowed(ctx, canFollow, id);
    if (groupId !== null && !(await mayRead(groupId))) throw new GraphQLError('Group was not found.', { extensions: { code: 'NOT_FOUND' } });
    const stream = groupEventStream({ bus: ctx.bus, userId: ctx.userId, groupId, mayRead, select, accessEnded, maxQueue: ctx.limits.maxQueue, onTooSlow: ctx.dropAsTooSlow });
    return mapStream(stream, (item) => ({ [rootField]: item }));
  };
}

/** Resolves an event's entity (message, group) through the supergraph with the subscriber's selection. */
function entityThroughSupergraph(rootField: 'message' | 'group', idOf: (event: never) => string | null): GraphQLFieldResolver<never, SubscriberContext> {
  return async (event, _args, ctx, info: GraphQLResolveInfo) => {
    const id = idOf(event);
    if (!id) return null;
    const result = await ctx.execute(entityQueryFor(info, rootField), { ...info.variableValues, [ENTITY_ID_VARIABLE]: id });
    if (result.errors?.length) {
      const first = result.errors[0]!;
      throw new GraphQLError(first.message, { extensions: first.extensions });
    }
    return result.data?.['entity'] ?? null;
  };
}

/** The supergraph's API schema plus the gateway's own Subscription type. */
export function subscriptionSchema(apiSchema: GraphQLSchema): GraphQLSchema {
  const schema = extendSchema(apiSchema, parse(SUBSCRIPTION_SDL));
  const subscription = schema.getSubscriptionType()!.getFields();
  subscription['messageEvents']!.subscribe = followGroups<MessageEventPayload>(
    CAN_READ_MESSAGES,
    selectMessageEvent,
    (groupId) => ({ kind: 'ACCESS_ENDED', groupId, messageId: null }),
    'messageEvents',
  ) as GraphQLFieldResolver<unknown, unknown>;
  subscription['messageEvents']!.resolve = (source: { messageEvents: MessageEventPayload }) => source.messageEvents;
  subscription['membershipEvents']!.subscribe = followGroups<MembershipEventPayload>(
    CAN_SEE_GROUP,
    selectMembershipEvent,
    (groupId) => ({ kind: 'ACCESS_ENDED', groupId, userIds: [], role: null }),
    'membershipEvents',
  ) as GraphQLFieldResolver<unknown, unknown>;
  subscription['membershipEvents']!.resolve = (source: { membershipEvents: MembershipEventPayload }) => source.membershipEvents;

  const message = (schema.getType('MessageEvent') as GraphQLObjectType).getFields();
  message['kind']!.resolve = (e: MessageEventPayload) => e.kind;
  message['groupId']!.resolve = (e: MessageEventPayload) => e.groupId;
  message['messageId']!.resolve = (e: MessageEventPayload) => e.messageId;
  message['message']!.resolve = entityThroughSupergraph('message', (e: MessageEventPayload) => e.messageId) as GraphQLFieldResolver<unknown, unknown>;

  const membership = (schema.getType('MembershipEvent') as GraphQLObjectType).getFields();
  membership['kind']!.resolve = (e: MembershipEventPayload) => e.kind;
  membership['groupId']!.resolve = (e: MembershipEventPayload) => e.groupId;
  membership['userIds']!.resolve = (e: MembershipEventPayload) => e.userIds;
  membership['role']!.resolve = (e: MembershipEventPayload) => e.role;
  membership['group']!.resolve = entityThroughSupergraph('group', (e: MembershipEventPayload) => (e.kind === 'ACCESS_ENDED' ? null : e.groupId)) as GraphQLFieldResolver<
    unknown,
    unknown
  >;
  return schema;
}

async function* mapStream<T, R>(source: AsyncGenerator<T>, map: (item: T) => R): AsyncGenerator<R> {
  try {
    for await (const item of source) yield map(item);
  } finally {
    await source.return(undefined);
  }
}

/** Fields of supergraph types are read by response key: the data came from the supergraph under the subscriber's aliases. */
export const aliasAwareFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) => {
  if (source === null || typeof source !== 'object') return undefined;
  return (source as Record<string, unknown>)[info.path.key as string];
};
