import { requireUser } from '@kz/auth';
import type { MessagingContext } from '../context';

export interface SendMessageInput {
  groupId: string;
  text: string;
  idempotencyKey?: string | null;
}

export const mutationResolvers = {
  Mutation: {
    sendMessage: async (_: unknown, { input }: { input: SendMessageInput }, ctx: MessagingContext) => ({
      message: await ctx.services.messages.send(requireUser(ctx.caller).userId, input.groupId, input.text, input.idempotencyKey),
    }),
  },
};
