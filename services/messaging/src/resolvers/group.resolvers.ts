import { requireUser } from '@kz/auth';
import { notFound } from '@kz/errors';
import type { MessagingContext } from '../context';
import type { Resolvers } from '../generated/resolvers-types';

/** Unread counts of every group the request asks about (a list of conversations), in one statement. */
async function unreadCount(ctx: MessagingContext, groupId: string): Promise<number> {
  const count = await ctx.loaders.get<string, number>('unread-count', (ids) => ctx.services.receipts.unreadCounts(ctx.caller, ids)).load(groupId);
  if (count === null) throw notFound('Group');
  return count;
}

export const groupResolvers: Pick<Resolvers, 'Group' | 'MessageChange'> = {
  Group: {
    messages: (group, args, ctx) => ctx.services.messages.history(ctx.caller, group.id, args),
    unreadCount: (group, _, ctx) => unreadCount(ctx, group.id),
    lastReadMessageId: (group, _, ctx) => ctx.services.receipts.lastReadId(requireUser(ctx.caller).userId, group.id),
    messageChanges: (group, args, ctx) => ctx.services.messages.changesAfter(ctx.caller, group.id, args.after, args.first),
    changesCursor: (group, _, ctx) => ctx.services.messages.latestChangeCursor(ctx.caller, group.id),
  },
  MessageChange: {
    kind: (message) => message.changeKind,
    message: (message) => message,
  },
};
