import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError, extendSchema, parse, type FieldNode, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { decodeSeqCursor, encodeCursor } from '@kz/db';
import type { AnyEnvelope } from '@kz/events';
import { ENTITY_ID_VARIABLE, entityQueryFor } from './entity-query';
import { groupEventStream } from './group-event-stream';
import {
  AUDIENCE_ALIAS,
  AUDIENCE_FIELD,
  messageFromEvent,
  selectionWithin,
  SENT_EVENT_MESSAGE,
  SharedResolutions,
  VIEWER_INDEPENDENT_MESSAGE,
  type SentMessage,
} from './shared-resolution';
import { importProgressStream, type ImportProgressItem } from './import-progress-stream';
import type { SubscriberContext } from './subscriber-context';

/** The subscription part of the public schema (read at start, relative to dist/ as the subgraphs read theirs). */
export const SUBSCRIPTION_SDL = readFileSync(join(__dirname, '..', '..', 'src', 'subscriptions', 'subscription.graphql'), 'utf8');

const CAN_READ_MESSAGES = `query KzCanRead($id: ID!) { group(id: $id) { messages(last: 1) { pageInfo { hasPreviousPage } } } }`;
const CAN_SEE_GROUP = `query KzCanSee($id: ID!) { group(id: $id) { id } }`;
const IMPORT_STATE = `query KzImportState($id: ID!) { importJob(id: $id) { id status } }`;
const MISSED_CHANGES = `query KzMissedChanges($id: ID!, $after: String!) {
  group(id: $id) { messageChanges(after: $after, first: 200) { edges { cursor node { kind message { id } } } pageInfo { hasNextPage endCursor } } }
}`;

interface MessageEventPayload {
  kind: 'SENT' | 'EDITED' | 'DELETED' | 'POLL_UPDATED' | 'ACCESS_ENDED';
  groupId: string;
  messageId: string | null;
  /** The event's envelope id: answers shared between subscribers are per event. */
  eventId: string | null;
  /** The change's position in the group's change log (a bigint as decimal), when the event carries one. */
  changeSeq: string | null;
  /** A SENT event's message as the event carries it, when the event says every reader of the group reads it. */
  sent: SentMessage | null;
  /** Set by the subscriber's stream: whether this subscriber may take an answer resolved for another reader. */
  [MAY_SHARE]?: () => Promise<boolean>;
}

const MAY_SHARE = Symbol('kzMayShare');
/** After a change to a subscriber's memberships or the hierarchy, it resolves its own events for this long (the subgraphs apply the same change meanwhile), then its access is checked again. */
const SHARE_GRACE_MS = 5_000;

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
    case 'messaging.message.sent': {
      const { messageId, groupId, authorId, text, sentAt, changeSeq, audience } = event.payload;
      return {
        groupId,
        item: {
          kind: 'SENT',
          groupId,
          messageId,
          eventId: event.id,
          changeSeq: changeSeq ?? null,
          sent: audience === 'ALL' ? { id: messageId, groupId, authorId, text, sentAt } : null,
        },
      };
    }
    case 'messaging.message.edited':
    case 'messaging.message.deleted':
    case 'messaging.poll.updated':
      return {
        groupId: event.payload.groupId,
        item: {
          kind: MESSAGE_KINDS[event.type],
          groupId: event.payload.groupId,
          messageId: event.payload.messageId,
          eventId: event.id,
          changeSeq: event.payload.changeSeq ?? null,
          sent: null,
        },
      };
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

/** How a stream picks up after a position in a group: what changed since, and where each item stands. */
interface Resume<T> {
  missed: (ctx: SubscriberContext, groupId: string, after: string) => AsyncIterable<T>;
  positionOf: (item: T) => bigint | null;
}

/** Subscribing checks access first: an outsider learns nothing, not even that the group exists. */
function followGroups<T extends { groupId: string }>(
  canFollow: string,
  select: (event: AnyEnvelope) => { groupId: string; item: T } | null,
  accessEnded: (groupId: string) => T,
  rootField: string,
  resume?: Resume<T>,
): GraphQLFieldResolver<unknown, SubscriberContext, { groupId?: string | null; after?: string | null }> {
  return async (_root, args, ctx) => {
    const groupId = args.groupId ?? null;
    const after = args.after ?? null;
    if (after !== null) {
      if (groupId === null) {
        throw new GraphQLError('Resuming with after takes the groupId of the group the cursor came from.', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      try {
        decodeSeqCursor(after, 'after');
      } catch (err) {
        throw new GraphQLError((err as Error).message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
    }
    const mayRead = (id: string) => allowed(ctx, canFollow, id);
    if (groupId !== null && !(await mayRead(groupId))) throw new GraphQLError('Group was not found.', { extensions: { code: 'NOT_FOUND' } });
    // Whether this subscriber may take answers resolved for another reader of a group: its access, as checked (at
    // subscribing for the followed group), forgotten when its memberships or the hierarchy change, and not asked
    // again until the grace period is over.
    const shareAccess = new Map<string, Promise<boolean>>();
    if (groupId !== null) shareAccess.set(groupId, Promise.resolve(true));
    let sharingFrom = 0;
    const onAccessChange = () => {
      shareAccess.clear();
      sharingFrom = Date.now() + SHARE_GRACE_MS;
    };
    const mayShare = (id: string): Promise<boolean> => {
      if (Date.now() < sharingFrom) return Promise.resolve(false);
      let allowedNow = shareAccess.get(id);
      if (!allowedNow) {
        allowedNow = mayRead(id).catch(() => false);
        shareAccess.set(id, allowedNow);
      }
      return allowedNow;
    };
    const stream = groupEventStream({
      bus: ctx.bus,
      userId: ctx.userId,
      groupId,
      mayRead,
      select,
      accessEnded,
      maxQueue: ctx.limits.maxQueue,
      onTooSlow: ctx.dropAsTooSlow,
      onAccessChange,
      missed: resume && groupId !== null && after !== null ? () => resume.missed(ctx, groupId, after) : undefined,
      positionOf: resume?.positionOf,
    });
    return mapStream(stream, (item) => ({ [rootField]: Object.assign(item, { [MAY_SHARE]: () => mayShare(item.groupId) }) }));
  };
}

/** The group's message changes after a cursor, read page by page through the supergraph as the subscriber. */
async function* missedMessageChanges(ctx: SubscriberContext, groupId: string, after: string): AsyncGenerator<MessageEventPayload> {
  let cursor = after;
  for (;;) {
    const result = await ctx.execute(MISSED_CHANGES, { id: groupId, after: cursor });
    const changes = (result.data?.['group'] as { messageChanges: MessageChangePage } | null | undefined)?.messageChanges;
    if (result.errors?.length || !changes) {
      const first = result.errors?.[0];
      throw new GraphQLError(first?.message ?? 'Group was not found.', { extensions: first?.extensions ?? { code: 'NOT_FOUND' } });
    }
    for (const { cursor: position, node } of changes.edges) {
      const changeSeq = decodeSeqCursor(position);
      yield { kind: node.kind, groupId, messageId: node.message.id, eventId: `change:${changeSeq}`, changeSeq, sent: null };
    }
    if (!changes.pageInfo.hasNextPage || !changes.pageInfo.endCursor) return;
    cursor = changes.pageInfo.endCursor;
  }
}

interface MessageChangePage {
  edges: { cursor: string; node: { kind: 'SENT' | 'EDITED' | 'DELETED' | 'POLL_UPDATED'; message: { id: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * An event's message, for a subscriber who may take a shared answer: from the event itself when it carries every field
 * selected (a SENT event for everyone), else resolved once for every subscriber whose selection stays within the fields
 * that are the same for every reader (shared-resolution.ts). Per subscriber otherwise, or when the shared answer is not
 * one every reader gets (an error, no message, a message for admins only).
 */
function sharedMessage(perSubscriber: GraphQLFieldResolver<never, SubscriberContext>): GraphQLFieldResolver<MessageEventPayload, SubscriberContext> {
  const shared = new SharedResolutions<Record<string, unknown>>();
  // Per subscription operation (its field node): whether a SENT event answers its selection, and the query that
  // resolves it once for everyone (null when it cannot be shared).
  const plans = new WeakMap<FieldNode, { answeredByEvent: boolean; query: string | null }>();
  return async (event, args, ctx, info) => {
    const gate = event[MAY_SHARE];
    if (event.messageId && event.eventId && gate) {
      const node = info.fieldNodes[0]!;
      let plan = plans.get(node);
      if (plan === undefined) {
        plan = {
          answeredByEvent: selectionWithin(info, SENT_EVENT_MESSAGE),
          query: selectionWithin(info, VIEWER_INDEPENDENT_MESSAGE) ? entityQueryFor(info, 'message', [AUDIENCE_FIELD]) : null,
        };
        plans.set(node, plan);
      }
      const { query } = plan;
      if (event.sent && plan.answeredByEvent && (await gate())) return messageFromEvent(info, event.sent);
      if (query !== null && (await gate())) {
        const messageId = event.messageId;
        const answer = await shared.get(`${event.eventId}\n${query}`, async () => {
          const result = await ctx.execute(query, { [ENTITY_ID_VARIABLE]: messageId });
          const entity = result.data?.['entity'] as Record<string, unknown> | null | undefined;
          return !result.errors?.length && entity && entity[AUDIENCE_ALIAS] === 'ALL' ? entity : null;
        });
        if (answer) return answer;
      }
    }
    return perSubscriber(event as never, args, ctx, info);
  };
}

/** Only the uploader may follow an import; anyone else is told it does not exist. */
const followImport: GraphQLFieldResolver<unknown, SubscriberContext, { importId: string }> = async (_root, args, ctx) => {
  const result = await ctx.execute(IMPORT_STATE, { id: args.importId });
  const job = result.data?.['importJob'] as { id: string; status: string } | null | undefined;
  if (result.errors?.length || !job) throw new GraphQLError('Import was not found.', { extensions: { code: 'NOT_FOUND' } });
  const stream = importProgressStream({
    bus: ctx.bus,
    importId: job.id,
    current: { importId: job.id, status: job.status },
    maxQueue: ctx.limits.maxQueue,
    onTooSlow: ctx.dropAsTooSlow,
  });
  return mapStream(stream, (item) => ({ importProgress: item }));
};

/** Resolves an event's entity (message, group) through the supergraph with the subscriber's selection. */
function entityThroughSupergraph(rootField: 'message' | 'group' | 'importJob', idOf: (event: never) => string | null): GraphQLFieldResolver<never, SubscriberContext> {
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
    (groupId) => ({ kind: 'ACCESS_ENDED', groupId, messageId: null, eventId: null, changeSeq: null, sent: null }),
    'messageEvents',
    { missed: missedMessageChanges, positionOf: (e) => (e.changeSeq === null ? null : BigInt(e.changeSeq)) },
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
  message['cursor']!.resolve = (e: MessageEventPayload) => (e.changeSeq === null ? null : encodeCursor([e.changeSeq]));
  message['message']!.resolve = sharedMessage(entityThroughSupergraph('message', (e: MessageEventPayload) => e.messageId)) as GraphQLFieldResolver<unknown, unknown>;

  const membership = (schema.getType('MembershipEvent') as GraphQLObjectType).getFields();
  membership['kind']!.resolve = (e: MembershipEventPayload) => e.kind;
  membership['groupId']!.resolve = (e: MembershipEventPayload) => e.groupId;
  membership['userIds']!.resolve = (e: MembershipEventPayload) => e.userIds;
  membership['role']!.resolve = (e: MembershipEventPayload) => e.role;
  membership['group']!.resolve = entityThroughSupergraph('group', (e: MembershipEventPayload) => (e.kind === 'ACCESS_ENDED' ? null : e.groupId)) as GraphQLFieldResolver<
    unknown,
    unknown
  >;

  subscription['importProgress']!.subscribe = followImport as GraphQLFieldResolver<unknown, unknown>;
  subscription['importProgress']!.resolve = (source: { importProgress: ImportProgressItem }) => source.importProgress;
  const progress = (schema.getType('ImportProgressEvent') as GraphQLObjectType).getFields();
  progress['importId']!.resolve = (e: ImportProgressItem) => e.importId;
  progress['status']!.resolve = (e: ImportProgressItem) => e.status;
  progress['import']!.resolve = entityThroughSupergraph('importJob', (e: ImportProgressItem) => e.importId) as GraphQLFieldResolver<unknown, unknown>;
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
