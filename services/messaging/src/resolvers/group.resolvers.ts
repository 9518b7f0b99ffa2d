import { requireUser } from '@kz/auth';
import type { MessagingContext } from '../context';
import type { HistoryArgs } from '../domain/messages.service';

export const groupResolvers = {
  Group: {
    messages: (group: { id: string }, args: HistoryArgs, ctx: MessagingContext) => ctx.services.messages.history(ctx.caller, group.id, args),
    unreadCount: (group: { id: string }, _: unknown, ctx: MessagingContext) => ctx.services.receipts.unreadCount(ctx.caller, group.id),
    lastReadMessageId: (group: { id: string }, _: unknown, ctx: MessagingContext) =>
      ctx.services.receipts.lastReadId(requireUser(ctx.caller).userId, group.id),
  },
};
