import type { Resolvers } from '../generated/resolvers-types';

export const mutationResolvers: Pick<Resolvers, 'Mutation'> = {
  Mutation: {
    importGroupHistory: (_, { input }, ctx) =>
      ctx.services.historyImport.write(
        ctx.caller,
        input.groupId,
        input.entries.map((e) => ({ ...e, authorId: e.authorId ?? null, originalAuthor: e.originalAuthor ?? null })),
      ),
    sendMessage: async (_, { input }, ctx) => ({
      message: await ctx.services.messages.send(ctx.caller, input),
    }),
    editMessage: async (_, { input }, ctx) => ({
      message: await ctx.services.messages.edit(ctx.caller, input.messageId, input.text),
    }),
    deleteMessage: async (_, { input }, ctx) => ({
      message: await ctx.services.messages.delete(ctx.caller, input.messageId),
    }),
    markRead: (_, { input }, ctx) => ctx.services.receipts.markRead(ctx.caller, input.groupId, input.messageId),
    createPoll: async (_, { input }, ctx) => ({
      message: await ctx.services.polls.create(ctx.caller, input),
    }),
    answerPoll: async (_, { input }, ctx) => {
      await ctx.services.polls.answer(ctx.caller, input.messageId, input.optionIndexes);
      ctx.loaders.clear();
      const message = await ctx.services.messages.visibleByIds(ctx.caller, [input.messageId]);
      return { message: message[0] };
    },
  },
};
