import { GraphQLError, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { AnyEnvelope } from '@kz/events';
import { ENTITY_ID_VARIABLE, entityQueryFor } from './entity-query';
import type { SubscriptionEventBus } from './event-bus';
import { mapStream } from './follow-groups';
import type { SubscriberContext } from './subscriber-context';

/** The ids of one person's new notifications, as messaging announces them, in order; ends when the subscriber cannot keep up. */
export async function* notificationIdStream(opts: {
  bus: SubscriptionEventBus;
  userId: string;
  maxQueue: number;
  onTooSlow: (waiting: number) => void;
}): AsyncGenerator<string> {
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  let dropped = false;
  const unlisten = opts.bus.listen({ userId: opts.userId }, (event: AnyEnvelope) => {
    if (event.type !== 'messaging.notifications.created' || dropped) return;
    const { userIds, notificationIds } = event.payload;
    notificationIds.forEach((id, i) => {
      if (userIds[i] === opts.userId) queue.push(id);
    });
    if (queue.length > opts.maxQueue) {
      dropped = true;
      opts.onTooSlow(queue.length);
    }
    wake?.();
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next === undefined) {
        if (dropped) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      yield next;
    }
  } finally {
    unlisten();
  }
}

/** Only the subscriber's own notifications reach them: the bus routes by person, and messaging answers a person for their own only. */
const followNotifications: GraphQLFieldResolver<unknown, SubscriberContext> = (_root, _args, ctx) => {
  const stream = notificationIdStream({ bus: ctx.bus, userId: ctx.userId, maxQueue: ctx.limits.maxQueue, onTooSlow: ctx.dropAsTooSlow });
  return mapStream(stream, (id) => ({ notificationEvents: id }));
};

/** The notification with the subscriber's selection, resolved through the supergraph as the subscriber (Query.notification). */
const resolveNotification = async (source: { notificationEvents: string }, _args: unknown, ctx: SubscriberContext, info: GraphQLResolveInfo) => {
  const result = await ctx.execute(entityQueryFor(info, 'notification'), { ...info.variableValues, [ENTITY_ID_VARIABLE]: source.notificationEvents });
  const first = result.errors?.[0];
  if (first) throw new GraphQLError(first.message, { extensions: first.extensions });
  const notification = result.data?.['entity'];
  if (!notification) throw new GraphQLError('Notification was not found.', { extensions: { code: 'NOT_FOUND' } });
  return notification;
};

/** notificationEvents: the signed-in user's notifications as messaging stores them. */
export function wireNotificationEvents(schema: GraphQLSchema): void {
  const field = schema.getSubscriptionType()!.getFields()['notificationEvents']!;
  field.subscribe = followNotifications as GraphQLFieldResolver<unknown, unknown>;
  field.resolve = resolveNotification as GraphQLFieldResolver<unknown, unknown>;
}
