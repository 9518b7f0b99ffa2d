import type { Resolvers } from '../generated/resolvers-types';

export const mutationResolvers: Pick<Resolvers, 'Mutation'> = {
  Mutation: {
    registerWebhookEndpoint: (_, { input }, ctx) => ctx.services.endpoints.register(ctx.caller, input.organizationId, input),
    updateWebhookEndpoint: async (_, { input }, ctx) => ({ endpoint: await ctx.services.endpoints.update(ctx.caller, input.id, input) }),
    pauseWebhookEndpoint: async (_, { input }, ctx) => ({ endpoint: await ctx.services.endpoints.pause(ctx.caller, input.id) }),
    resumeWebhookEndpoint: async (_, { input }, ctx) => ({ endpoint: await ctx.services.endpoints.resume(ctx.caller, input.id) }),
    deleteWebhookEndpoint: async (_, { input }, ctx) => ({ deletedId: await ctx.services.endpoints.delete(ctx.caller, input.id) }),
    rotateWebhookSecret: (_, { input }, ctx) => ctx.services.endpoints.rotateSecret(ctx.caller, input.id, input.overlapSeconds ?? 86_400),
    redeliverWebhook: async (_, { input }, ctx) => ({ delivery: await ctx.services.deliveries.redeliver(ctx.caller, input.deliveryId) }),
    replayWebhookEvents: async (_, { input }, ctx) => ({ queued: await ctx.services.deliveries.replay(ctx.caller, input.endpointId, input.since) }),
  },
};
