import { requireUser } from '@kz/auth';
import type { Resolvers } from '../generated/resolvers-types';

export const groupResolvers: Pick<Resolvers, 'Group' | 'MessageChange'> = {
  Group: {
    messages: (group, args, ctx) => ctx.services.messages.history(ctx.caller, group.id, args),
    unreadCount: (group, _, ctx) => ctx.services.receipts.unreadCount(ctx.caller, group.id),
    lastReadMessageId: (group, _, ctx) => ctx.services.receipts.lastReadId(requireUser(ctx.caller).userId, group.id),
    messageChanges: (group, args, ctx) => ctx.services.messages.changesAfter(ctx.caller, group.id, args.after, args.first),
    changesCursor: (group, _, ctx) => ctx.services.messages.latestChangeCursor(ctx.caller, group.id),
  },
  MessageChange: {
    kind: (message) => message.changeKind,
    message: (message) => message,
  },
};
