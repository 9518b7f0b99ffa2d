import type { Resolvers } from '../generated/resolvers-types';

export const organizationResolvers: Pick<Resolvers, 'Organization'> = {
  Organization: {
    __resolveReference: (ref) => ({ id: ref.id }),
    webhookEndpoints: (org, _, ctx) => ctx.services.endpoints.ofOrganization(ctx.caller, org.id),
  },
};
