import type { Resolvers } from '../generated/resolvers-types';

export const queryResolvers: Pick<Resolvers, 'Query'> = {
  Query: {
    webhookEndpoint: (_, { id }, ctx) => ctx.services.endpoints.find(ctx.caller, id),
  },
};
