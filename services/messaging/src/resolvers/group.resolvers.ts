import type { MessagingContext } from '../context';
import type { HistoryArgs } from '../domain/messages.service';

export const groupResolvers = {
  Group: {
    messages: (group: { id: string }, args: HistoryArgs, ctx: MessagingContext) =>
      ctx.services.messages.history(ctx.caller, group.id, args),
  },
};
