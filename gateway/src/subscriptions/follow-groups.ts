import { GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { decodeSeqCursor } from '@kz/db';
import type { AnyEnvelope } from '@kz/events';
import { ENTITY_ID_VARIABLE, entityQueryFor, type EntityRootField } from './entity-query';
import { deliveredWithin, groupEventStream, type AccessChange } from './group-event-stream';
import type { SubscriberContext } from './subscriber-context';

/** Answers of the supergraph that say "you may not", as opposed to "could not tell". */
const REFUSALS = new Set(['NOT_FOUND', 'FORBIDDEN']);

/** Whether the subscriber gets the group through `query`; rejects when the supergraph could not tell. */
async function allowed(ctx: SubscriberContext, query: string, id: string): Promise<boolean> {
  const result = await ctx.execute(query, { id });
  const errors = result.errors ?? [];
  const failure = errors.find((e) => !REFUSALS.has(String(e.extensions?.['code'])));
  if (failure) throw new Error(`Access to group ${id} could not be checked: ${failure.message}`);
  return errors.length === 0 && Boolean(result.data?.['group']);
}

/** How a stream picks up after a position in a group: what changed since, and where each item stands. */
export interface Resume<T> {
  missed: (ctx: SubscriberContext, groupId: string, after: string) => AsyncIterable<T>;
  positionOf: (item: T) => bigint | null;
}

/** What a subscription over groups' events is made of. */
export interface GroupSubscription<T extends { groupId: string }> {
  /** The query whose group field is non-null exactly when the subscriber may follow the group ($id). */
  canFollow: string;
  select: (event: AnyEnvelope) => { groupId: string; item: T } | null;
  personalChange: (event: AnyEnvelope) => AccessChange | null;
  groupChange?: (event: AnyEnvelope) => AccessChange | null;
  accessEnded: (groupId: string) => T;
  /** The Subscription field, under which each item is yielded. */
  rootField: string;
  resume?: Resume<T>;
}

/** Subscribing checks access first: an outsider learns nothing, not even that the group exists. */
export function followGroups<T extends { groupId: string }>(
  subscription: GroupSubscription<T>,
): GraphQLFieldResolver<unknown, SubscriberContext, { groupId?: string | null; after?: string | null }> {
  const { canFollow, resume, rootField } = subscription;
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
    if (groupId !== null && !(await mayRead(groupId).catch(() => false))) throw new GraphQLError('Group was not found.', { extensions: { code: 'NOT_FOUND' } });
    const stream = groupEventStream({
      bus: ctx.bus,
      userId: ctx.userId,
      groupId,
      mayRead,
      select: subscription.select,
      personalChange: subscription.personalChange,
      groupChange: subscription.groupChange,
      accessEnded: subscription.accessEnded,
      deliveryName: `deliver ${rootField}`,
      maxQueue: ctx.limits.maxQueue,
      onTooSlow: ctx.dropAsTooSlow,
      missed: resume && groupId !== null && after !== null ? () => resume.missed(ctx, groupId, after) : undefined,
      positionOf: resume?.positionOf,
    });
    return mapStream(stream, (item) => ({ [rootField]: item }));
  };
}

export async function* mapStream<T, R>(source: AsyncGenerator<T>, map: (item: T) => R): AsyncGenerator<R> {
  try {
    for await (const item of source) yield map(item);
  } finally {
    await source.return(undefined);
  }
}

/** Resolves an event's entity (message, group, import, export) through the supergraph with the subscriber's selection. */
export function entityThroughSupergraph(rootField: EntityRootField, idOf: (event: never) => string | null): GraphQLFieldResolver<never, SubscriberContext> {
  return async (event, _args, ctx, info: GraphQLResolveInfo) => {
    const id = idOf(event);
    if (!id) return null;
    const result = await deliveredWithin(event, () => ctx.execute(entityQueryFor(info, rootField), { ...info.variableValues, [ENTITY_ID_VARIABLE]: id }));
    if (result.errors?.length) {
      const first = result.errors[0]!;
      throw new GraphQLError(first.message, { extensions: first.extensions });
    }
    return result.data?.['entity'] ?? null;
  };
}
