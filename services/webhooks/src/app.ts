import { join } from 'node:path';
import { closeRedis, createSubgraphApp, openRedis, redisReachable, type Logger, type SubgraphApp } from '@kz/server';
import { DestinationGuard, RetrySchedule } from '@kz/webhooks';
import type { WebhooksConfig } from './config';
import type { WebhooksServices } from './context';
import { DeliveriesService } from './domain/deliveries.service';
import type { DueDelivery } from './domain/delivery-scheduler';
import { EndpointAccess } from './domain/endpoint-access';
import { EndpointChallenge } from './domain/endpoint-challenge';
import { EndpointsService } from './domain/endpoints.service';
import { webhookEventBatchHandler, webhookEventHandlers, webhooksNeed } from './events/event-handlers';
import { postJson } from './http/webhook-poster';
import { DeliveryLogRetention } from './jobs/delivery-log-retention';
import { DELIVERY_QUEUE, DeliveryQueue } from './jobs/delivery-queue';
import { DueDeliverySweep } from './jobs/due-delivery-sweep';
import { RedisEndpointSlots } from './jobs/endpoint-slots';
import { webhooksMigrations } from './migrations';
import { webhooksResolvers } from './resolvers';

export type WebhooksApp = SubgraphApp<WebhooksServices>;

/** The bytes of an endpoint's answer kept in the delivery log. */
const EXCERPT_BYTES = 2_048;

const WEBHOOK_TOPICS = ['identityOrganizations', 'groupsGroups', 'groupsMemberships', 'messagingMessages', 'importJobs'] as const;

export async function createWebhooksApp(config: WebhooksConfig, logger: Logger): Promise<WebhooksApp> {
  // The consumer hands due deliveries to the queue, which exists once the services are built.
  let queueDue: (deliveries: DueDelivery[]) => void = () => undefined;
  return createSubgraphApp<WebhooksServices>({
    name: 'webhooks',
    config,
    logger,
    schemaFile: join(__dirname, '..', 'src', 'schema.graphql'),
    resolvers: webhooksResolvers,
    entities: [],
    migrations: webhooksMigrations,
    // Every topic partners may hear of (not people's phone numbers nor their notifications), one consumer each: a
    // fetch walks one topic's partitions, and chat traffic, most of which no endpoint wants, is a topic of its own.
    // Each takes the events of one fetch in one transaction. Chat traffic's fetch waits up to 50 ms for about a dozen
    // events; the quiet topics' answer as soon as anything comes (waiting there would only poll them more often).
    consumers: WEBHOOK_TOPICS.map((topic) => ({
      groupId: 'webhooks.events',
      kafkaGroupId: `webhooks.events.${topic}`,
      topics: [topic],
      handlers: webhookEventHandlers((deliveries) => queueDue(deliveries)),
      batch: {
        handle: webhookEventBatchHandler((deliveries) => queueDue(deliveries)),
        ...(topic === 'messagingMessages' ? { fetchMinBytes: 8_192, fetchMaxWaitMs: 50 } : {}),
      },
      needs: webhooksNeed(),
    })),
    services: ({ dataSource, outbox }) => {
      const redis = openRedis(config.redisUrl, logger.child({ component: 'redis' }));
      const prefix = `kz:${config.kafkaNamespace}`;
      const queue = new DeliveryQueue(redis, { prefix, concurrency: config.workerConcurrency }, logger.child({ component: 'delivery-queue' }));
      queueDue = (deliveries) => {
        queue.schedule(deliveries).catch((err: Error) => logger.warn({ err }, 'could not queue deliveries; the sweep will'));
      };
      const guard = new DestinationGuard({ allowInsecureHttp: config.allowHttp, allowedCidrs: config.allowedCidrs });
      const access = new EndpointAccess(dataSource);
      const endpoints = new EndpointsService(dataSource, outbox, access, guard, new EndpointChallenge(postJson, config.challengeTimeoutMs), queue);
      const slots = new RedisEndpointSlots(redis, prefix, config.endpointConcurrency, config.deliveryTimeoutMs + 5_000);
      const deliveries = new DeliveriesService(
        dataSource,
        outbox,
        endpoints,
        guard,
        new RetrySchedule({ delaysSeconds: config.retryDelaysSeconds }),
        queue,
        slots,
        postJson,
        {
          timeoutMs: config.deliveryTimeoutMs,
          excerptBytes: EXCERPT_BYTES,
        },
      );
      const sweep = new DueDeliverySweep(dataSource, queue, config.sweepIntervalMs, logger.child({ component: 'due-delivery-sweep' }));
      // Hourly: what expires in an hour is little, and a sweep finding nothing costs two index probes.
      const retention = new DeliveryLogRetention(dataSource, config.logRetentionDays, 3_600_000, logger.child({ component: 'delivery-log-retention' }));
      return { endpoints, deliveries, queue, sweep, retention, redis };
    },
    extraReadiness: async ({ redis }) => ({ redis: await redisReachable(redis) }),
    metrics: ({ queue }, metrics) => {
      metrics.gauge('kz_queue_jobs', 'Jobs in a BullMQ queue, by queue and state.', ['queue', 'state'], async (gauge) => {
        for (const [state, n] of Object.entries(await queue.jobCounts())) gauge.set({ queue: DELIVERY_QUEUE, state }, n);
      });
      const durations = metrics.histogram('kz_queue_job_duration_seconds', 'Time a job of a BullMQ queue took, by queue and outcome.', ['queue', 'outcome']);
      queue.onJobDone = (seconds, outcome) => durations.observe({ queue: DELIVERY_QUEUE, outcome }, seconds);
    },
    onStart: async ({ queue, deliveries, sweep, retention }) => {
      if (!config.workers) return;
      queue.startWorker((work) => deliveries.send(work));
      sweep.start();
      retention.start();
    },
    beforeStop: async ({ queue, sweep, retention }) => {
      await sweep.stop();
      await retention.stop();
      await queue.close();
    },
    onStop: ({ redis }) => closeRedis(redis),
  });
}
