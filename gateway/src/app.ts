import { readFileSync } from 'node:fs';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { bearerToken, TokenVerifier } from '@kz/auth';
import { GraphQLHttpServer, ServiceMetrics, type Logger } from '@kz/server';
import { Agent } from 'undici';
import { SUBGRAPH_NAMES, subgraphUrls, type GatewayConfig, type SubgraphName } from './config';
import type { GatewayContext } from './context';
import { ConnectorRateLimit } from './connector-rate-limit';
import { guardedGateway } from './guarded-gateway';
import { OperationLimiter } from './operation-limits';
import { SubgraphDataSource } from './subgraph-data-source';
import { createSubgraphAgent, deduplicatingFetcher, undiciFetcher } from './subgraph-fetcher';
import { subgraphReady } from './subgraph-readiness';
import { createKafka } from '@kz/events';
import type { GraphQLSchema } from 'graphql';
import { SubscriptionEventBus } from './subscriptions/event-bus';
import { subscriptionSchema } from './subscriptions/subscription-schema';
import { SubscriptionServer } from './subscriptions/subscription-server';
import { serviceProxy } from './service-proxy';
import { WebAppAssets } from './web-app';

export interface GatewayApp {
  start(): Promise<string>;
  stop(): Promise<void>;
  /** The port listened on, once started (useful with GATEWAY_PORT=0). */
  readonly port: number;
  /** Resolves once subscriptions receive events (the Kafka consumer has joined). */
  subscriptionsReady(): Promise<void>;
}

function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

/**
 * The public GraphQL endpoint: Apollo Gateway over the composed supergraph,
 * with token verification, body-size and operation limits. Subgraph URLs come
 * from configuration, not from the supergraph file.
 */
export function createGatewayApp(config: GatewayConfig, logger: Logger): GatewayApp {
  const urls = subgraphUrls(config);
  const agent = createSubgraphAgent();
  const probeAgent = new Agent({ connections: 2, keepAliveTimeout: 10_000 });
  const fetcher = deduplicatingFetcher(undiciFetcher(agent));
  /** Subgraphs the loaded supergraph routes to: /readyz checks exactly these. */
  const routed = new Map<SubgraphName, string>();

  const metrics = new ServiceMetrics();
  const subgraphCalls = metrics.histogram('kz_subgraph_request_duration_seconds', 'Calls from the gateway to a subgraph, by subgraph and how they ended.', [
    'subgraph',
    'outcome',
  ]);

  const buildService = ({ name, url }: { name: string; url?: string }) => {
    if (!isSubgraphName(name)) {
      throw new Error(`The supergraph names a subgraph "${name}" the gateway has no URL for (expected one of ${SUBGRAPH_NAMES.join(', ')}).`);
    }
    const target = urls[name];
    if (url && url !== target) logger.debug({ subgraph: name, composedUrl: url, url: target }, 'routing subgraph to its configured URL');
    routed.set(name, target);
    return new SubgraphDataSource(name, target, fetcher, config.subgraphSecret, (seconds, outcome) =>
      subgraphCalls.observe({ subgraph: name, outcome }, seconds),
    );
  };

  const gatewayLogger = logger.child({ component: 'apollo-gateway' });
  const gateway = config.introspectSubgraphs
    ? new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({ subgraphs: SUBGRAPH_NAMES.map((name) => ({ name, url: urls[name] })) }),
        buildService,
        logger: gatewayLogger,
      })
    : new ApolloGateway({ supergraphSdl: readSupergraph(config.supergraphPath), buildService, logger: gatewayLogger });
  if (config.introspectSubgraphs) logger.warn('GATEWAY_INTROSPECT_SUBGRAPHS is on: composing from the running subgraphs (development only)');

  const webApp = new WebAppAssets(config.webAppDir);
  if (!webApp.available) logger.warn({ dir: config.webAppDir }, 'no built web app found; / answers 503 until `npm run build -w @kz/portal`');
  const importFiles = serviceProxy(config.importFilesUrl, logger);
  const attachmentFiles = serviceProxy(config.attachmentFilesUrl, logger);
  const identityFiles = serviceProxy(new URL(config.identityUrl).origin, logger);

  const verifier = new TokenVerifier(config);
  const limiter = new OperationLimiter({ maxDepth: config.maxDepth, maxAliases: config.maxAliases });
  const connectorLimit = new ConnectorRateLimit({ maxRequests: config.connectorMaxRequests, windowSeconds: config.connectorWindowSeconds });

  const server = new GraphQLHttpServer<GatewayContext>({
    name: 'gateway',
    host: config.host,
    port: config.port,
    graph: { gateway: guardedGateway(gateway, limiter) },
    buildContext: async (req) => {
      const token = bearerToken(req.headers.authorization);
      // A bad token throws UNAUTHENTICATED here: 401 and no data. No token is an anonymous caller.
      const caller = await verifier.callerFrom(token);
      // Past its limit a connector gets 429 with Retry-After, and no work is done.
      connectorLimit.hit(caller);
      const prior = req.headers['x-forwarded-for'];
      const peer = req.socket.remoteAddress ?? 'unknown';
      const forwardedFor = prior ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${peer}` : peer;
      return { caller, authorization: token ? `Bearer ${token}` : null, forwardedFor };
    },
    readiness: async () => {
      const entries = [...routed];
      const ready = await Promise.all(entries.map(([, url]) => subgraphReady(probeAgent, url)));
      return Object.fromEntries(entries.map(([name], i) => [name, ready[i]!]));
    },
    // Files go to the service that owns them, from this origin; every other path is the web app.
    routes: {
      '/imports/*': importFiles,
      '/exports/*': importFiles,
      '/attachments': attachmentFiles,
      '/attachments/*': attachmentFiles,
      '/audit/*': identityFiles,
      // Identity's development SMS sink, so that the sign-in screen can point at it; never in production.
      ...(config.nodeEnv === 'production' ? {} : { '/dev/sms': identityFiles }),
    },
    fallback: webApp.route,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    maxTokens: config.maxTokens,
    production: config.nodeEnv === 'production',
    metrics,
  });

  let schema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    schema = subscriptionSchema(apiSchema);
  });
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'kz-gateway', logger });
  const bus = new SubscriptionEventBus(kafka, config.kafkaNamespace, logger.child({ component: 'subscriptions' }));
  const subscriptions = new SubscriptionServer({
    httpServer: server.httpServer,
    path: '/graphql',
    bus,
    verifier,
    limiter,
    connectorLimit,
    metrics,
    schema: () => schema,
    execute: (query, variables, context) => server.execute(query, variables, context),
    maxQueue: config.subscriptionMaxQueue,
    maxMessageBytes: config.maxBodyBytes,
    maxTokens: config.maxTokens,
    logger: logger.child({ component: 'subscriptions' }),
  });
  let busStarted: Promise<void> = Promise.resolve();
  let stopping = false;

  return {
    async start() {
      const url = await server.start();
      subscriptions.start();
      busStarted = startWithRetry(
        () => bus.start(),
        logger,
        () => stopping,
      );
      return url;
    },
    async subscriptionsReady() {
      await busStarted;
      await bus.ready();
    },
    async stop() {
      try {
        stopping = true;
        await subscriptions.stop();
        // A consumer still connecting would otherwise join after the stop and keep the process alive;
        // while Kafka is away that attempt may never end, so it gets a few seconds.
        await Promise.race([busStarted, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
        await bus.stop().catch(() => undefined);
        await server.stop();
      } finally {
        await Promise.allSettled([agent.close(), probeAgent.close()]);
      }
    },
    get port() {
      return server.port;
    },
  };
}

/** Kafka may be away when the gateway starts: queries work meanwhile, subscriptions wait for it. */
async function startWithRetry(start: () => Promise<void>, logger: Logger, stopping: () => boolean): Promise<void> {
  for (let delay = 250, attempt = 1; !stopping(); attempt++, delay = Math.min(delay * 2, 5_000)) {
    try {
      await start();
      return;
    } catch (err) {
      if (attempt === 1) logger.warn({ err }, 'Kafka unavailable; subscriptions will start when it returns');
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

function readSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read the supergraph at ${path} (${(err as Error).message}); run \`npm run compose -w @kz/gateway\`.`);
  }
}
