import { notFound } from '@kz/errors';
import type { MessagingContext } from '../context';
import type { AttachmentEntity } from '../entities/attachment.entity';
import type { MessageEntity } from '../entities/message.entity';
import type { PollEntity } from '../entities/poll.entity';
import type { Resolvers } from '../generated/resolvers-types';

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

export const messageResolvers: Pick<Resolvers, 'Query' | 'Message' | 'SystemEvent'> = {
  Query: {
    message: async (_, args, ctx) => {
      const message = await loadVisibleMessage(ctx, args.id);
      if (!message) throw notFound('Message');
      return message;
    },
    searchMessages: async (_, args, ctx) => {
      const page = await ctx.services.search.search(ctx.caller, args.query, args.first, args.after);
      const messages = await Promise.all(page.edges.map((e) => loadVisibleMessage(ctx, e.node.id)));
      return {
        pageInfo: page.pageInfo,
        edges: page.edges.flatMap((e, i) => (messages[i] ? [{ cursor: e.cursor, node: { message: messages[i], highlight: e.node.highlight } }] : [])),
      };
    },
  },
  Message: {
    __resolveReference: (ref, ctx) => loadVisibleMessage(ctx, ref.id),
    group: (message) => ({ id: message.groupId }),
    author: (message) => ({ id: message.authorId }),
    text: (message) => (message.deletedAt || message.kind === 'SYSTEM' ? null : message.text),
    systemEvent: (message) => (message.kind === 'SYSTEM' ? message.systemEvent : null),
    imported: (message) =>
      message.importedFrom
        ? { importJob: { id: message.importedFrom }, originalAuthor: message.originalAuthor, placeholderAuthor: message.placeholderAuthor }
        : null,
    deleted: (message) => message.deletedAt !== null,
    replyTo: (message, _, ctx) => (message.replyToId ? loadVisibleMessage(ctx, message.replyToId) : null),
    mentions: (message) => message.mentions.map((id) => ({ id })),
    attachments: async (message, _, ctx) => {
      if (message.deletedAt) return [];
      const rows = await ctx.loaders.get<string, AttachmentEntity[]>('attachments', (ids) => ctx.services.attachments.ofMessages(ids)).load(message.id);
      return (rows ?? []).map((a) => ({
        id: a.id,
        filename: a.filename,
        contentType: a.contentType,
        size: Number(a.sizeBytes),
        url: ctx.services.attachmentUrl(a.id),
      }));
    },
    readBy: async (message, _, ctx) =>
      (await ctx.loaders.get<string, { count: number; of: number }>('readBy', (ids) => ctx.services.receipts.readBy(ids)).load(message.id)) ?? {
        count: 0,
        of: 0,
      },
    poll: async (message, _, ctx) => {
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
  SystemEvent: {
    actor: (event) => (event.actorId ? { id: event.actorId } : null),
    users: (event) => event.userIds.map((id) => ({ id })),
    subgroup: (event) => (event.subgroupId ? { id: event.subgroupId } : null),
    text: (event) => event.text ?? null,
  },
};
