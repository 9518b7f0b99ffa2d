import type { SubgraphContext } from '@kz/server';
import type { Redis } from 'ioredis';
import type { DeliveriesService } from './domain/deliveries.service';
import type { EndpointsService } from './domain/endpoints.service';
import type { DeliveryLogRetention } from './jobs/delivery-log-retention';
import type { DeliveryQueue } from './jobs/delivery-queue';
import type { DueDeliverySweep } from './jobs/due-delivery-sweep';

export interface WebhooksServices {
  endpoints: EndpointsService;
  deliveries: DeliveriesService;
  queue: DeliveryQueue;
  sweep: DueDeliverySweep;
  retention: DeliveryLogRetention;
  redis: Redis;
}

export type WebhooksContext = SubgraphContext<WebhooksServices>;
