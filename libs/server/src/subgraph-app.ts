import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { bearerToken, TokenVerifier, type Caller } from '@kz/auth';
import { requestOrigin, type InboxConsumerOptions, type OutboxRelayOptions } from '@kz/events';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { EntitySchema, MixedList } from 'typeorm';
import { DataLoaderCache } from './data-loader-cache';
import { GraphQLHttpServer, type HttpRoute } from './graphql-http-server';
import { ServiceMetrics } from './service-metrics';
import { importTokenScope } from './import-token-scope';
import { clientAddress } from './client-address';
import { ServiceRuntime } from './service-runtime';
import { subgraphSchema } from './subgraph-schema';

export interface SubgraphConfig {
  nodeEnv: string;
  host: string;
  port: number;
  databaseUrl: string;
  kafkaBrokers: string[];
  kafkaNamespace: string;
  trustedProxies: string[];
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Required of GraphQL callers (the gateway, peer services) when not empty. */
  subgraphSecret: string;
}

/** What every subgraph resolver receives. */
export interface SubgraphContext<TServices> {
  caller: Caller;
  /** The bearer token the caller sent, for a service that calls another on the caller's behalf. */
  bearer: string | null;
  /** The end client's address (for rate limits), as told by a trusted proxy or seen on the socket. */
  clientAddress: string;
  services: TServices;
  loaders: DataLoaderCache;
}

export interface SubgraphAppOptions<TServices> {
  name: string;
  config: SubgraphConfig;
  logger: Logger;
  schemaFile: string;
  resolvers: object;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  /** Builds the service's domain objects once the database is migrated. */
  services: (runtime: ServiceRuntime) => Promise<TServices> | TServices;
  consumers?: Omit<InboxConsumerOptions, 'kafka' | 'dataSource' | 'logger' | 'onCommitted' | 'namespace'>[];
  /**
   * Identity verifies with its own keys; everyone else uses the published JWKS. A verifier
   * built here must accept imports' tokens exactly when `importTokenFields` is set.
   */
  verifier?: (services: TServices) => TokenVerifier;
  /** The root fields a member import's token may call here (its bulk adds); no field when left out. */
  importTokenFields?: readonly string[];
  /** Extra HTTP routes; `authenticate` gives the caller of a request from its bearer token. */
  routes?: (services: TServices, runtime: ServiceRuntime, authenticate: (req: IncomingMessage) => Promise<Caller>) => Record<string, HttpRoute>;
  extraReadiness?: (services: TServices) => Promise<Record<string, boolean>>;
  /** Gauges of the service's own (its job queue, say), beside those every service has. */
  metrics?: (services: TServices, metrics: ServiceMetrics) => void;
  relay?: OutboxRelayOptions;
  /** Background work of the service's own (job workers): started after the HTTP server, stopped before the database closes. */
  onStart?: (services: TServices) => Promise<void>;
  beforeStop?: (services: TServices) => Promise<void>;
  onStop?: (services: TServices) => Promise<void>;
}

export interface SubgraphApp<TServices> {
  readonly runtime: ServiceRuntime;
  readonly services: TServices;
  start(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The wiring all subgraphs share: database and migrations, outbox relay,
 * inbox consumers, token verification and the HTTP server.
 */
export async function createSubgraphApp<TServices>(opts: SubgraphAppOptions<TServices>): Promise<SubgraphApp<TServices>> {
  const { config, logger } = opts;
  const runtime = await ServiceRuntime.open({
    name: opts.name,
    databaseUrl: config.databaseUrl,
    kafkaBrokers: config.kafkaBrokers,
    kafkaNamespace: config.kafkaNamespace,
    entities: opts.entities,
    migrations: opts.migrations,
    logger,
    relay: opts.relay,
  });
  for (const consumer of opts.consumers ?? []) runtime.consume(consumer);
  const services = await opts.services(runtime);
  const verifier = opts.verifier?.(services) ?? new TokenVerifier({ ...config, acceptImportTokens: opts.importTokenFields !== undefined });
  const typeDefs = parse(readFileSync(opts.schemaFile, 'utf8'));
  const metrics = new ServiceMetrics();
  runtime.describeIn(metrics);
  opts.metrics?.(services, metrics);
  const server = new GraphQLHttpServer<SubgraphContext<TServices>>({
    name: opts.name,
    host: config.host,
    port: config.port,
    graph: { schema: subgraphSchema(typeDefs, opts.resolvers) },
    buildContext: async (req) => {
      const bearer = bearerToken(req.headers.authorization);
      return {
        caller: await verifier.callerFrom(bearer),
        bearer,
        clientAddress: clientAddress(req, config.trustedProxies),
        services,
        loaders: new DataLoaderCache(),
      };
    },
    readiness: async () => ({ ...(await runtime.readiness()), ...(await opts.extraReadiness?.(services)) }),
    routes: opts.routes?.(services, runtime, (req) => verifier.callerFrom(bearerToken(req.headers.authorization))),
    logger,
    production: config.nodeEnv === 'production',
    metrics,
    peerSecret: config.subgraphSecret,
    plugins: [importTokenScope(opts.importTokenFields ?? [])],
    // Audit entries written while serving a request name the address it came from.
    requestScope: (req, handle) => requestOrigin.run({ clientAddress: clientAddress(req, config.trustedProxies) }, handle),
  });
  return {
    runtime,
    services,
    async start() {
      const url = await server.start();
      runtime.startBackground();
      await opts.onStart?.(services);
      return url;
    },
    async stop() {
      await server.stop();
      await opts.beforeStop?.(services);
      await runtime.stop();
      await opts.onStop?.(services);
    },
  };
}
