export { GraphQLHttpServer, type GraphQLHttpServerOptions, type HttpRoute } from './graphql-http-server';
export { DataLoaderCache } from './data-loader-cache';
export { createLogger, type Logger } from './logger';
export { formatError } from './format-error';
export { runProcess, type Stoppable } from './run-process';
export { readJsonBody, sendJson, BodyTooLargeError } from './http';
export { DateTimeScalar, phoneNumberScalar } from './scalars';
export { ServiceRuntime, type ServiceRuntimeOptions } from './service-runtime';
export { subgraphSchema } from './subgraph-schema';
