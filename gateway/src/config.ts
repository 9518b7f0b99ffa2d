import { join } from 'node:path';
import { authFields, bool, ConfigError, int, kafkaFields, loadConfig, oneOf, str, url } from '@kz/config';

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** The subgraphs in the supergraph, by the names the composition gave them. */
export const SUBGRAPH_NAMES = ['identity', 'groups', 'messaging', 'import', 'webhooks'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(
    {
      nodeEnv: oneOf('NODE_ENV', 'runtime mode', ['development', 'test', 'production'] as const, { fallback: 'development' }),
      host: str('GATEWAY_HOST', 'interface to listen on', { fallback: '127.0.0.1' }),
      port: int('GATEWAY_PORT', 'HTTP port', { fallback: 4000, min: 0, max: 65535 }),
      identityUrl: url('IDENTITY_URL', 'GraphQL endpoint of the identity subgraph', { fallback: 'http://127.0.0.1:4001/graphql' }),
      groupsUrl: url('GROUPS_URL', 'GraphQL endpoint of the groups subgraph', { fallback: 'http://127.0.0.1:4002/graphql' }),
      messagingUrl: url('MESSAGING_URL', 'GraphQL endpoint of the messaging subgraph', { fallback: 'http://127.0.0.1:4003/graphql' }),
      importUrl: url('IMPORT_URL', 'GraphQL endpoint of the import subgraph', { fallback: 'http://127.0.0.1:4004/graphql' }),
      webhooksUrl: url('WEBHOOKS_URL', 'GraphQL endpoint of the webhooks subgraph', { fallback: 'http://127.0.0.1:4005/graphql' }),
      ...authFields(),
      ...kafkaFields(),
      subscriptionMaxQueue: int('SUBSCRIPTION_MAX_QUEUE', 'events waiting for one slow subscriber before it is dropped', {
        fallback: 1_000,
        min: 10,
        max: 1_000_000,
      }),
      supergraphPath: str('GATEWAY_SUPERGRAPH_PATH', 'composed supergraph SDL file (npm run compose -w @kz/gateway writes it)', {
        fallback: join(__dirname, '..', 'supergraph.graphql'),
      }),
      webAppDir: str('GATEWAY_WEB_APP_DIR', 'built web app to serve at / (npm run build -w @kz/portal writes it)', {
        fallback: join(__dirname, '..', '..', 'services', 'portal', 'dist'),
      }),
      importFilesUrl: url('IMPORT_FILES_URL', 'where /imports/* (uploads, templates, error reports) is passed on; the import service', {
        fallback: 'http://127.0.0.1:4004',
      }),
      attachmentFilesUrl: url('ATTACHMENT_FILES_URL', 'where /attachments and /attachments/* are passed on; the messaging service', {
        fallback: 'http://127.0.0.1:4003',
      }),
      introspectSubgraphs: bool('GATEWAY_INTROSPECT_SUBGRAPHS', 'development only: compose from the running subgraphs instead of the supergraph file', {
        fallback: false,
      }),
      maxBodyBytes: int('GATEWAY_MAX_BODY_BYTES', 'largest request body accepted, in bytes', {
        fallback: 1_048_576,
        min: 1_024,
        max: 100 * 1_048_576,
      }),
      maxTokens: int('GATEWAY_MAX_TOKENS', 'most lexical tokens an operation document may have', { fallback: 15_000, min: 1_000, max: 1_000_000 }),
      maxDepth: int('GATEWAY_MAX_DEPTH', 'deepest field nesting an operation may have', { fallback: 12, min: 1, max: 100 }),
      maxAliases: int('GATEWAY_MAX_ALIASES', 'most aliased fields an operation may have', { fallback: 30, min: 0, max: 1_000 }),
      connectorMaxRequests: int('CONNECTOR_RATE_LIMIT_REQUESTS', 'GraphQL requests one connector may make per window, per gateway process', {
        fallback: 600,
        min: 1,
        max: 10_000_000,
      }),
      connectorWindowSeconds: int('CONNECTOR_RATE_LIMIT_WINDOW_SECONDS', "length of a connector's rate-limit window", { fallback: 60, min: 1, max: 86_400 }),
    },
    env,
  );
  if (config.introspectSubgraphs && config.nodeEnv === 'production') {
    throw new ConfigError(['GATEWAY_INTROSPECT_SUBGRAPHS=true is not allowed with NODE_ENV=production (serve the composed supergraph file instead)']);
  }
  return config;
}

export function subgraphUrls(config: GatewayConfig): Record<SubgraphName, string> {
  return {
    identity: config.identityUrl,
    groups: config.groupsUrl,
    messaging: config.messagingUrl,
    import: config.importUrl,
    webhooks: config.webhooksUrl,
  };
}
