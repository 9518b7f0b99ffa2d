import { requireUser } from '@kz/auth';
import type { MessagingContext } from '../context';
import type { HistoryArgs } from '../domain/messages.service';
import type { MessageEntity } from '../entities/message.entity';

export const groupResolvers = {
  Group: {
    messages: (group: { id: string }, args: HistoryArgs, ctx: MessagingContext) => ctx.services.messages.history(ctx.caller, group.id, args),
    unreadCount: (group: { id: string }, _: unknown, ctx: MessagingContext) => ctx.services.receipts.unreadCount(ctx.caller, group.id),
    lastReadMessageId: (group: { id: string }, _: unknown, ctx: MessagingContext) =>
      ctx.services.receipts.lastReadId(requireUser(ctx.caller).userId, group.id),
    messageChanges: (group: { id: string }, args: { after: string; first?: number | null }, ctx: MessagingContext) =>
      ctx.services.messages.changesAfter(ctx.caller, group.id, args.after, args.first),
    changesCursor: (group: { id: string }, _: unknown, ctx: MessagingContext) => ctx.services.messages.latestChangeCursor(ctx.caller, group.id),
  },
  MessageChange: {
    kind: (message: MessageEntity) => message.changeKind,
    message: (message: MessageEntity) => message,
  },
};
