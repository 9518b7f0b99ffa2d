import type { MessagingContext } from '../context';
import type { MessageEntity } from '../entities/message.entity';
import type { Resolvers } from '../generated/resolvers-types';

/** The latest message the caller sees in a group, batched over every group of the request. */
function lastMessageLoader(ctx: MessagingContext) {
  return ctx.loaders.get<string, MessageEntity>('last-message', async (groupIds) => {
    const rows = await ctx.services.conversations.latestMessages(ctx.caller, groupIds);
    const byGroup = new Map(rows.map((r) => [r.groupId, r]));
    return groupIds.map((id) => byGroup.get(id) ?? null);
  });
}

export const conversationResolvers: Pick<Resolvers, 'Query'> & { Group: Pick<NonNullable<Resolvers['Group']>, 'lastMessage'> } = {
  Query: {
    myConversations: async (_, args, ctx) => {
      const page = await ctx.services.conversations.mine(ctx.caller, args);
      // The page's statement already read each group's latest message: Group.lastMessage needs no second one.
      const loader = lastMessageLoader(ctx);
      for (const { node } of page.edges) loader.prime(node.groupId, node.lastMessage);
      return { pageInfo: page.pageInfo, edges: page.edges.map((e) => ({ cursor: e.cursor, node: { id: e.node.groupId } })) };
    },
  },
  Group: {
    lastMessage: (group, _, ctx) => lastMessageLoader(ctx).load(group.id),
  },
};
