import type { MessagingContext } from '../context';
import type { NewMessage } from '../domain/messages.service';
import type { NewPoll } from '../domain/polls.service';

type Input<T> = { input: T };

export const mutationResolvers = {
  Mutation: {
    sendMessage: async (_: unknown, { input }: Input<NewMessage>, ctx: MessagingContext) => ({
      message: await ctx.services.messages.send(ctx.caller, input),
    }),
    editMessage: async (_: unknown, { input }: Input<{ messageId: string; text: string }>, ctx: MessagingContext) => ({
      message: await ctx.services.messages.edit(ctx.caller, input.messageId, input.text),
    }),
    deleteMessage: async (_: unknown, { input }: Input<{ messageId: string }>, ctx: MessagingContext) => ({
      message: await ctx.services.messages.delete(ctx.caller, input.messageId),
    }),
    markRead: (_: unknown, { input }: Input<{ groupId: string; messageId: string }>, ctx: MessagingContext) =>
      ctx.services.receipts.markRead(ctx.caller, input.groupId, input.messageId),
    createPoll: async (_: unknown, { input }: Input<NewPoll>, ctx: MessagingContext) => ({
      message: await ctx.services.polls.create(ctx.caller, input),
    }),
    answerPoll: async (_: unknown, { input }: Input<{ messageId: string; optionIndexes: number[] }>, ctx: MessagingContext) => {
      await ctx.services.polls.answer(ctx.caller, input.messageId, input.optionIndexes);
      ctx.loaders.clear();
      const message = await ctx.services.messages.visibleByIds(ctx.caller, [input.messageId]);
      return { message: message[0] };
    },
  },
};
