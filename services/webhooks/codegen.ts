import { subgraphResolversCodegen } from '../../codegen.subgraph';

export default subgraphResolversCodegen({
  contextType: '../context#WebhooksContext',
  scalars: { URL: 'string' },
  mappers: {
    WebhookEndpoint: '../domain/webhook-endpoint#WebhookEndpointRecord',
    WebhookDelivery: '../domain/deliveries.service#DeliveryRecord',
    WebhookDeliveryAttempt: '../domain/deliveries.service#DeliveryAttemptRecord',
    // Webhooks adds a field to organisations it knows by id only.
    Organization: '{ id: string }',
  },
});
