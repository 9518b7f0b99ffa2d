import { GraphQLError, extendSchema, parse, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { messageEventStream, type MessageEventPayload } from './message-event-stream';
import { MESSAGE_ID_VARIABLE, messageQueryFor } from './message-query';
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

  type Subscription {
    "New, edited and deleted messages and poll results of one group, or of every group the subscriber may read when groupId is left out."
    messageEvents(groupId: ID): MessageEvent!
  }
`;

const CAN_READ = `query KzCanRead($id: ID!) { group(id: $id) { messages(last: 1) { pageInfo { hasPreviousPage } } } }`;

/** The supergraph's API schema plus the gateway's own Subscription type. */
export function subscriptionSchema(apiSchema: GraphQLSchema): GraphQLSchema {
  const schema = extendSchema(apiSchema, parse(SUBSCRIPTION_SDL));
  const subscription = schema.getSubscriptionType()!;
  const messageEvents = subscription.getFields()['messageEvents']!;
  messageEvents.subscribe = (async (_root, args: { groupId?: string | null }, ctx: SubscriberContext) => {
    const groupId = args.groupId ?? null;
    const mayRead = async (id: string) => {
      const result = await ctx.execute(CAN_READ, { id });
      return !result.errors?.length && Boolean(result.data?.['group']);
    };
    if (groupId !== null && !(await mayRead(groupId))) {
      throw new GraphQLError('Group was not found.', { extensions: { code: 'NOT_FOUND' } });
    }
    const stream = messageEventStream({
      bus: ctx.bus,
      userId: ctx.userId,
      groupId,
      mayRead,
      maxQueue: ctx.limits.maxQueue,
      onTooSlow: ctx.dropAsTooSlow,
    });
    return mapStream(stream, (event) => ({ messageEvents: event }));
  }) as GraphQLFieldResolver<unknown, SubscriberContext>;
  messageEvents.resolve = (source: { messageEvents: MessageEventPayload }) => source.messageEvents;

  const fields = (schema.getType('MessageEvent') as GraphQLObjectType<MessageEventPayload, SubscriberContext>).getFields();
  fields['kind']!.resolve = (e: MessageEventPayload) => e.kind;
  fields['groupId']!.resolve = (e: MessageEventPayload) => e.groupId;
  fields['messageId']!.resolve = (e: MessageEventPayload) => e.messageId;
  fields['message']!.resolve = async (e: MessageEventPayload, _args, ctx: SubscriberContext, info) => {
    if (!e.messageId) return null;
    const result = await ctx.execute(messageQueryFor(info), { ...info.variableValues, [MESSAGE_ID_VARIABLE]: e.messageId });
    if (result.errors?.length) {
      const first = result.errors[0]!;
      throw new GraphQLError(first.message, { extensions: first.extensions });
    }
    return result.data?.['message'] ?? null;
  };
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
