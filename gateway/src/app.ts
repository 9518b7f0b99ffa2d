import { readFileSync } from 'node:fs';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { bearerToken, TokenVerifier } from '@kz/auth';
import { GraphQLHttpServer, type Logger } from '@kz/server';
import { Agent } from 'undici';
import { SUBGRAPH_NAMES, subgraphUrls, type GatewayConfig, type SubgraphName } from './config';
import type { GatewayContext } from './context';
import { guardedGateway } from './guarded-gateway';
import { OperationLimiter } from './operation-limits';
import { SubgraphDataSource } from './subgraph-data-source';
import { createSubgraphAgent, deduplicatingFetcher, undiciFetcher } from './subgraph-fetcher';
import { subgraphReady } from './subgraph-readiness';

export interface GatewayApp {
  start(): Promise<string>;
  stop(): Promise<void>;
  /** The port listened on, once started (useful with GATEWAY_PORT=0). */
  readonly port: number;
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

  const buildService = ({ name, url }: { name: string; url?: string }) => {
    if (!isSubgraphName(name)) {
      throw new Error(`The supergraph names a subgraph "${name}" the gateway has no URL for (expected one of ${SUBGRAPH_NAMES.join(', ')}).`);
    }
    const target = urls[name];
    if (url && url !== target) logger.debug({ subgraph: name, composedUrl: url, url: target }, 'routing subgraph to its configured URL');
    routed.set(name, target);
    return new SubgraphDataSource(target, fetcher);
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

  const verifier = new TokenVerifier(config);
  const limiter = new OperationLimiter({ maxDepth: config.maxDepth, maxAliases: config.maxAliases });

  const server = new GraphQLHttpServer<GatewayContext>({
    name: 'gateway',
    host: config.host,
    port: config.port,
    graph: { gateway: guardedGateway(gateway, limiter) },
    buildContext: async (req) => {
      const token = bearerToken(req.headers.authorization);
      // A bad token throws UNAUTHENTICATED here: 401 and no data. No token is an anonymous caller.
      const caller = await verifier.callerFrom(token);
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
    logger,
    maxBodyBytes: config.maxBodyBytes,
    production: config.nodeEnv === 'production',
  });

  return {
    start: () => server.start(),
    async stop() {
      try {
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

function readSupergraph(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read the supergraph at ${path} (${(err as Error).message}); run \`npm run compose -w @kz/gateway\`.`);
  }
}
