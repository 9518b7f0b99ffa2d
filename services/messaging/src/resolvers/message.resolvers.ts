import { notFound } from '@kz/errors';
import type { MessageEntity } from '../entities/message.entity';
import type { MessagingContext } from '../context';

function loadVisibleMessage(ctx: MessagingContext, id: string): Promise<MessageEntity | null> {
  return ctx.loaders
    .get<string, MessageEntity>('message', async (ids) => {
      const rows = await ctx.services.messages.visibleByIds(ctx.caller, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(id);
}

export const messageResolvers = {
  Query: {
    message: async (_: unknown, args: { id: string }, ctx: MessagingContext) => {
      const message = await loadVisibleMessage(ctx, args.id);
      if (!message) throw notFound('Message');
      return message;
    },
  },
  Message: {
    __resolveReference: (ref: { id: string }, ctx: MessagingContext) => loadVisibleMessage(ctx, ref.id),
    group: (message: MessageEntity) => ({ id: message.groupId }),
    author: (message: MessageEntity) => ({ id: message.authorId }),
  },
};
