import { GraphQLError, type FieldNode, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { decodeSeqCursor, encodeCursor } from '@kz/db';
import type { AnyEnvelope } from '@kz/events';
import { ENTITY_ID_VARIABLE, entityQueryFor } from './entity-query';
import { entityThroughSupergraph, followGroups } from './follow-groups';
import { deliveredWithin, type AccessChange } from './group-event-stream';
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
import type { SubscriberContext } from './subscriber-context';

/** Non-null group exactly for a reader of the group's messages (messaging's rules: members of it or of a sub-group). */
const CAN_READ_MESSAGES = `query KzCanRead($id: ID!) { group(id: $id) { messages(last: 1) { pageInfo { hasPreviousPage } } } }`;
const MISSED_CHANGES = `query KzMissedChanges($id: ID!, $after: String!) {
  group(id: $id) { messageChanges(after: $after, first: 200) { edges { cursor node { kind message { id } } } pageInfo { hasNextPage endCursor } } }
}`;

interface MessageEventPayload {
  kind: 'SENT' | 'EDITED' | 'DELETED' | 'POLL_UPDATED' | 'HISTORY_IMPORTED' | 'ACCESS_ENDED';
  groupId: string;
  messageId: string | null;
  /** The event's envelope id: answers shared between subscribers are per event. */
  eventId: string | null;
  /** The change's position in the group's change log (a bigint as decimal), when the event carries one. */
  changeSeq: string | null;
  /** A SENT event's message as the event carries it, when the event says every reader of the group reads it. */
  sent: SentMessage | null;
  /** HISTORY_IMPORTED: how many messages arrived in the group's history at once. */
  count?: number;
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
      const { messageId, groupId, authorId, text, sentAt, changeSeq, audience, kind } = event.payload;
      return {
        groupId,
        item: {
          kind: 'SENT',
          groupId,
          messageId,
          eventId: event.id,
          changeSeq: changeSeq ?? null,
          // A system entry's text is no text (null, not the event's empty string): its fields come from messaging.
          sent: audience === 'ALL' && kind !== 'SYSTEM' ? { id: messageId, groupId, authorId, text, sentAt } : null,
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
    // An imported chat's history: one event per chunk, so a subscriber reloads history rather than hearing old messages as new.
    case 'messaging.history.imported':
      return {
        groupId: event.payload.groupId,
        item: {
          kind: 'HISTORY_IMPORTED',
          groupId: event.payload.groupId,
          messageId: null,
          eventId: event.id,
          changeSeq: null,
          sent: null,
          count: event.payload.count,
        },
      };
    default:
      return null;
  }
}

/**
 * Who reads a group is messaging's to say, and it says so after applying each change, on the group's key: a
 * readers-changed event reaches the gateway after the change is visible to its questions and before any message event
 * of the group that the change concerns.
 */
function readerChange(event: AnyEnvelope): AccessChange | null {
  if (event.type !== 'messaging.readers.changed') return null;
  return { groupId: event.payload.groupId, forget: 'group', followed: event.payload.change === 'REMOVED' ? 'asks' : 'continues' };
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
 * An event's message: from the event itself when it carries every field selected (a SENT event for everyone), else
 * resolved once for every subscriber whose selection stays within the fields that are the same for every reader
 * (shared-resolution.ts). Per subscriber otherwise, or when the shared answer is not one every reader gets (an error,
 * no message, a message for admins only). Sharing needs no check of its own: a subscriber's stream yields an event
 * only while, by the latest readers-changed facts, the subscriber reads its group (group-event-stream.ts).
 */
function sharedMessage(perSubscriber: GraphQLFieldResolver<never, SubscriberContext>): GraphQLFieldResolver<MessageEventPayload, SubscriberContext> {
  const shared = new SharedResolutions<Record<string, unknown>>();
  // Per subscription operation (its field node): whether a SENT event answers its selection, and the query that
  // resolves it once for everyone (null when it cannot be shared).
  const plans = new WeakMap<FieldNode, { answeredByEvent: boolean; query: string | null }>();
  return async (event, args, ctx, info) => {
    if (event.messageId && event.eventId) {
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
      if (event.sent && plan.answeredByEvent) return messageFromEvent(info, event.sent);
      if (query !== null) {
        const messageId = event.messageId;
        const answer = await shared.get(`${event.eventId}\n${query}`, async () => {
          const result = await deliveredWithin(event, () => ctx.execute(query, { [ENTITY_ID_VARIABLE]: messageId }));
          const entity = result.data?.['entity'] as Record<string, unknown> | null | undefined;
          return !result.errors?.length && entity && entity[AUDIENCE_ALIAS] === 'ALL' ? entity : null;
        });
        if (answer) return answer;
      }
    }
    return perSubscriber(event as never, args, ctx, info);
  };
}

/** messageEvents: a group's message changes, or those of every group the subscriber reads. */
export function wireMessageEvents(schema: GraphQLSchema): void {
  const field = schema.getSubscriptionType()!.getFields()['messageEvents']!;
  field.subscribe = followGroups<MessageEventPayload>({
    canFollow: CAN_READ_MESSAGES,
    select: selectMessageEvent,
    personalChange: readerChange,
    accessEnded: (groupId) => ({ kind: 'ACCESS_ENDED', groupId, messageId: null, eventId: null, changeSeq: null, sent: null }),
    rootField: 'messageEvents',
    resume: { missed: missedMessageChanges, positionOf: (e) => (e.changeSeq === null ? null : BigInt(e.changeSeq)) },
  }) as GraphQLFieldResolver<unknown, unknown>;
  field.resolve = (source: { messageEvents: MessageEventPayload }) => source.messageEvents;

  const event = (schema.getType('MessageEvent') as GraphQLObjectType).getFields();
  event['kind']!.resolve = (e: MessageEventPayload) => e.kind;
  event['groupId']!.resolve = (e: MessageEventPayload) => e.groupId;
  event['messageId']!.resolve = (e: MessageEventPayload) => e.messageId;
  event['cursor']!.resolve = (e: MessageEventPayload) => (e.changeSeq === null ? null : encodeCursor([e.changeSeq]));
  event['count']!.resolve = (e: MessageEventPayload) => e.count ?? null;
  event['message']!.resolve = sharedMessage(entityThroughSupergraph('message', (e: MessageEventPayload) => e.messageId)) as GraphQLFieldResolver<
    unknown,
    unknown
  >;
}
