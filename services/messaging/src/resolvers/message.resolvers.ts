import { notFound } from '@kz/errors';
import type { MessagingContext } from '../context';
import type { AttachmentEntity } from '../entities/attachment.entity';
import type { MessageEntity } from '../entities/message.entity';
import type { PollEntity } from '../entities/poll.entity';

export function loadVisibleMessage(ctx: MessagingContext, id: string): Promise<MessageEntity | null> {
  return ctx.loaders
    .get<string, MessageEntity>('message', async (ids) => {
      const rows = await ctx.services.messages.visibleByIds(ctx.caller, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(id);
}

function loadPoll(ctx: MessagingContext, messageId: string): Promise<PollEntity | null> {
  return ctx.loaders.get<string, PollEntity>('poll', (ids) => ctx.services.polls.ofMessages(ids)).load(messageId);
}

export const messageResolvers = {
  Query: {
    message: async (_: unknown, args: { id: string }, ctx: MessagingContext) => {
      const message = await loadVisibleMessage(ctx, args.id);
      if (!message) throw notFound('Message');
      return message;
    },
    searchMessages: async (_: unknown, args: { query: string; first?: number | null; after?: string | null }, ctx: MessagingContext) => {
      const page = await ctx.services.search.search(ctx.caller, args.query, args.first, args.after);
      const messages = await Promise.all(page.edges.map((e) => loadVisibleMessage(ctx, e.node.id)));
      return {
        pageInfo: page.pageInfo,
        edges: page.edges.flatMap((e, i) => (messages[i] ? [{ cursor: e.cursor, node: { message: messages[i], highlight: e.node.highlight } }] : [])),
      };
    },
  },
  Message: {
    __resolveReference: (ref: { id: string }, ctx: MessagingContext) => loadVisibleMessage(ctx, ref.id),
    group: (message: MessageEntity) => ({ id: message.groupId }),
    author: (message: MessageEntity) => ({ id: message.authorId }),
    text: (message: MessageEntity) => (message.deletedAt ? null : message.text),
    deleted: (message: MessageEntity) => message.deletedAt !== null,
    replyTo: (message: MessageEntity, _: unknown, ctx: MessagingContext) => (message.replyToId ? loadVisibleMessage(ctx, message.replyToId) : null),
    mentions: (message: MessageEntity) => message.mentions.map((id) => ({ id })),
    attachments: async (message: MessageEntity, _: unknown, ctx: MessagingContext) => {
      if (message.deletedAt) return [];
      const rows = await ctx.loaders.get<string, AttachmentEntity[]>('attachments', (ids) => ctx.services.attachments.ofMessages(ids)).load(message.id);
      return (rows ?? []).map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: Number(a.sizeBytes), url: ctx.services.attachmentUrl(a.id) }));
    },
    readBy: (message: MessageEntity, _: unknown, ctx: MessagingContext) => ctx.services.receipts.readBy(message.groupId, message.id),
    poll: async (message: MessageEntity, _: unknown, ctx: MessagingContext) => {
      if (message.kind !== 'POLL' || message.deletedAt) return null;
      const poll = await loadPoll(ctx, message.id);
      if (!poll) return null;
      const counts = await ctx.services.polls.resultsFor(ctx.caller, poll, message.groupId);
      const myAnswer = ctx.caller.kind === 'user' ? await ctx.services.polls.myAnswer(ctx.caller.userId, message.id) : null;
      return {
        question: poll.question,
        options: poll.options.map((text, index) => ({ index, text, votes: counts ? (counts[index] ?? 0) : null })),
        multipleChoice: poll.multipleChoice,
        deadline: poll.deadline,
        closed: poll.deadline !== null && poll.deadline <= new Date(),
        resultsVisibleTo: poll.resultsVisibleTo,
        voters: counts ? poll.voters : null,
        myAnswer,
      };
    },
  },
};
