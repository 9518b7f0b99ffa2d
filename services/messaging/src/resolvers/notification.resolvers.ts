import type { MessagingContext } from '../context';
import type { NotificationEntity } from '../entities/notification.entity';
import type { Resolvers } from '../generated/resolvers-types';
import { loadVisibleMessage } from './message.resolvers';

function loadNotification(ctx: MessagingContext, id: string): Promise<NotificationEntity | null> {
  return ctx.loaders
    .get<string, NotificationEntity>('notification', async (ids) => {
      const rows = await ctx.services.notifications.byIds(ctx.caller, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(id);
}

export const notificationResolvers: Pick<Resolvers, 'Query' | 'Mutation' | 'Notification'> = {
  Query: {
    notifications: (_, args, ctx) => ctx.services.notifications.page(ctx.caller, args.first, args.after),
    notification: (_, args, ctx) => loadNotification(ctx, args.id),
    unreadNotificationCount: (_, __, ctx) => ctx.services.notifications.unreadCount(ctx.caller),
  },
  Mutation: {
    markNotificationsRead: (_, { input }, ctx) => ctx.services.notifications.markRead(ctx.caller, input.upToId),
  },
  Notification: {
    read: (n) => n.readAt !== null,
    group: (n) => (n.groupId ? { id: n.groupId } : null),
    // A message the reader can no longer read (they left, it was for admins) shows as null.
    message: (n, _, ctx) => (n.messageId ? loadVisibleMessage(ctx, n.messageId) : null),
    actor: (n) => (n.actorId ? { id: n.actorId } : null),
    importJob: (n) => (n.importId ? { id: n.importId } : null),
    webhookEndpoint: (n) => (n.webhookEndpointId ? { id: n.webhookEndpointId } : null),
    exportJob: (n) => (n.exportId ? { id: n.exportId } : null),
  },
};
