import type { MessageEntity } from '../entities/message.entity';
import type { MessagingContext } from '../context';

export const messageResolvers = {
  Message: {
    __resolveReference: (ref: { id: string }, ctx: MessagingContext) => {
      return ctx.loaders
        .get<string, MessageEntity>('message', async (ids) => {
          const rows = await ctx.services.messages.visibleByIds(ctx.caller, ids);
          const byId = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? null);
        })
        .load(ref.id);
    },
    group: (message: MessageEntity) => ({ id: message.groupId }),
    author: (message: MessageEntity) => ({ id: message.authorId }),
  },
};
