import type { Resolvers } from '../generated/resolvers-types';

export const webhookEndpointResolvers: Pick<Resolvers, 'WebhookEndpoint' | 'WebhookDelivery'> = {
  WebhookEndpoint: {
    __resolveReference: (ref, ctx) => ctx.services.endpoints.find(ctx.caller, ref.id),
    organization: (endpoint) => ({ id: endpoint.orgId }),
    groups: (endpoint) => endpoint.groupIds.map((id) => ({ id })),
    deliveries: (endpoint, { first, after, status }, ctx) => ctx.services.deliveries.ofEndpoint(endpoint.id, first ?? 20, after ?? null, status ?? null),
  },
  WebhookDelivery: {
    attempts: (delivery, _, ctx) => ctx.services.deliveries.attemptsOf(delivery.id),
  },
};
