export { GraphQLHttpServer, MAX_NESTING, type GraphQLHttpServerOptions, type HttpRoute } from './graphql-http-server';
export { bracketNesting, decodeUtf8 } from './document-limits';
export { DataLoaderCache } from './data-loader-cache';
export { createLogger, type Logger } from './logger';
export { formatError } from './format-error';
export { runProcess, type RunProcessOptions, type Stoppable } from './run-process';
export { sendJson, BodyTooLargeError } from './http';
export { DateTimeScalar, phoneNumberScalar, UrlScalar } from './scalars';
export { ServiceRuntime, type ServiceRuntimeOptions } from './service-runtime';
export { subgraphSchema } from './subgraph-schema';
export { createSubgraphApp, type SubgraphApp, type SubgraphAppOptions, type SubgraphConfig, type SubgraphContext } from './subgraph-app';
export { parseMetrics, ProcessMetrics } from './process-metrics';
export { ServiceMetrics } from './service-metrics';
export { fromPeer, peerHeaders, SUBGRAPH_SECRET_HEADER } from './peer-secret';
export { closeRedis, openRedis, redisReachable } from './redis';
export { csvLine, neutralise } from './csv';
export {
  decodeExportCursor,
  encodeExportCursor,
  EXPORT_NEXT_HEADER,
  EXPORT_ROWS_HEADER,
  exportRequest,
  exportSourceRoutes,
  countRows,
  isoOrNull,
  keysetPage,
  pageAcrossGroups,
  requireExportPeer,
  type ExportPage,
  type ExportRange,
  type ExportSource,
} from './export-source';
