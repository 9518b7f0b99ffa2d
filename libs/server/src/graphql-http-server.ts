import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerOptionsWithGateway, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, type ErrorCode } from '@kz/errors';
import { nameServerSpan, tracingOn } from '@kz/telemetry';
import { bracketNesting, decodeUtf8 } from './document-limits';
import { formatError } from './format-error';
import { fromPeer } from './peer-secret';
import { BodyTooLargeError, closeAfterAnswer, lingeringClose, readBody, sendJson } from './http';
import { ProcessMetrics } from './process-metrics';
import { ServiceMetrics } from './service-metrics';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export type HttpRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  name: string;
  host: string;
  port: number;
  /** A subgraph's executable schema, or the gateway that plans over the supergraph. */
  graph: { schema: GraphQLSchema } | { gateway: ApolloServerOptionsWithGateway<TContext>['gateway'] };
  /** Builds the per-request context; a DomainError thrown here is the whole response. */
  buildContext: (req: IncomingMessage) => Promise<TContext>;
  /** Named checks for /readyz; all must pass. */
  readiness: () => Promise<Record<string, boolean>>;
  routes?: Record<string, HttpRoute>;
  /** Answers every path no route matched (the gateway serves the web app here); 404 without it. */
  fallback?: HttpRoute;
  logger: Logger;
  maxBodyBytes?: number;
  /** Most lexical tokens in an operation document (default 100,000); more is a parse error before any work. */
  maxTokens?: number;
  /** Deepest nesting of { ( [ in an operation document (default MAX_NESTING, 100); deeper is refused before parsing. */
  maxNesting?: number;
  production?: boolean;
  /** Where the process's operations are counted; others of its parts may add to it. A new one when left out. */
  metrics?: ServiceMetrics;
  /**
   * A subgraph's shared secret: GraphQL requests without it are refused, so only the gateway and peer services (who
   * send it) reach the schema. Empty or left out: no check (the gateway itself, or a development machine).
   */
  peerSecret?: string;
  /** Runs around each request's handling (an AsyncLocalStorage scope, say), GraphQL and routes alike. */
  requestScope?: (req: IncomingMessage, handle: () => Promise<void>) => Promise<void>;
  /** Apollo plugins of the service's own, after the shared ones. */
  plugins?: ApolloServerPlugin<TContext>[];
}

const DEFAULT_MAX_TOKENS = 100_000;
export const MAX_NESTING = 100;

/**
 * A GraphQL server (subgraph or gateway) over plain node:http: /graphql, /healthz (alive), /readyz
 * (dependencies reachable), /metrics (memory and operations, Prometheus text) and any extra routes. stop() refuses new work,
 * drains requests in flight and closes idle connections.
 */
export class GraphQLHttpServer<TContext extends BaseContext> {
  private readonly http: Server;
  private readonly apollo: ApolloServer<TContext>;
  private draining = false;
  private readonly processMetrics = new ProcessMetrics();
  /** The operations answered here, and whatever else this process counts, at /metrics. */
  readonly serviceMetrics: ServiceMetrics;

  constructor(private readonly opts: GraphQLHttpServerOptions<TContext>) {
    this.serviceMetrics = opts.metrics ?? new ServiceMetrics();
    const scope = opts.requestScope;
    this.http = createServer((req, res) => void (scope ? scope(req, () => this.route(req, res)) : this.route(req, res)));
    this.http.keepAliveTimeout = 65_000;
    // Requests node:http refuses before they reach us (headers too large, malformed HTTP) get the usual error shape.
    const answered = new WeakSet<object>();
    this.http.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      // More of the same request arriving while the answer lingers raises the error again: the answer is already out.
      if (answered.has(socket)) return;
      if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
      answered.add(socket);
      const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
      const body = JSON.stringify({
        errors: [
          tooLarge
            ? { message: 'The request line and headers are too large; send the operation in a POST body.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }
            : { message: 'The request is not valid HTTP.', extensions: { code: 'BAD_REQUEST' } },
        ],
      });
      lingeringClose(socket);
      socket.end(
        `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
          `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    });
    this.apollo = new ApolloServer<TContext>({
      ...opts.graph,
      formatError: formatError(opts.logger),
      includeStacktraceInErrorResponses: !opts.production,
      introspection: true,
      csrfPrevention: true,
      parseOptions: { maxTokens: opts.maxTokens ?? DEFAULT_MAX_TOKENS },
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer: this.http, stopGracePeriodMillis: 10_000 }),
        // Traces for Apollo Studio only; we do not report to it.
        ApolloServerPluginInlineTraceDisabled(),
        // No schema sets cache hints, and the default plugin wraps every field's resolver to look for them:
        // 12 % of the messaging subgraph's CPU per history page (npm run bench -- history).
        ApolloServerPluginCacheControlDisabled(),
        this.serviceMetrics.plugin<TContext>(),
        ...(tracingOn() ? [operationSpanNames<TContext>()] : []),
        ...(opts.plugins ?? []),
      ],
    });
  }

  async start(): Promise<string> {
    await this.apollo.start();
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port, this.opts.host, () => resolve());
    });
    const { port } = this.http.address() as AddressInfo;
    const url = `http://${this.opts.host}:${port}`;
    this.opts.logger.info({ url }, `${this.opts.name} listening`);
    return url;
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  /** The node:http server, for protocols that upgrade from it (WebSocket subscriptions). */
  get httpServer(): Server {
    return this.http;
  }

  /** Runs an operation in-process through the whole pipeline (limits, plans, subgraph calls) for a given context. */
  async execute(
    query: string,
    variables: Record<string, unknown>,
    context: TContext,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }> {
    const response = await this.apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    return response.body.singleResult as { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] };
  }

  async stop(): Promise<void> {
    this.draining = true;
    this.processMetrics.stop();
    await this.apollo.stop();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/graphql') return await this.graphql(req, res, url, started);
      if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'alive' });
      if (url.pathname === '/readyz') return await this.ready(res);
      if (url.pathname === '/metrics') {
        const text = this.processMetrics.render() + (await this.serviceMetrics.render());
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        return void res.end(text);
      }
      const extra = this.opts.routes?.[url.pathname] ?? this.prefixRoute(url.pathname);
      if (extra) return await extra(req, res, url);
      if (this.opts.fallback) return await this.opts.fallback(req, res, url);
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      if (err instanceof DomainError) {
        if (!res.headersSent) {
          const retryAfter = err.retryAfterSeconds;
          sendJson(
            res,
            HTTP_STATUS[err.code],
            {
              errors: [
                {
                  message: err.message,
                  extensions: { code: err.code, ...(err.field ? { field: err.field } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) },
                },
              ],
            },
            retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
          );
        }
        // A refused upload may still be streaming in: close rather than read it all.
        closeAfterAnswer(req, res);
        return;
      }
      this.opts.logger.error({ err, path: url.pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    }
  }

  /** Routes registered as "/path/*" answer every path below "/path/". */
  private prefixRoute(pathname: string): HttpRoute | undefined {
    for (const [pattern, route] of Object.entries(this.opts.routes ?? {})) {
      if (pattern.endsWith('/*') && pathname.startsWith(pattern.slice(0, -1)) && pathname.length > pattern.length - 1) return route;
    }
    return undefined;
  }

  private async ready(res: ServerResponse): Promise<void> {
    if (this.draining) return sendJson(res, 503, { status: 'draining' });
    const checks = await this.opts.readiness();
    const ok = Object.values(checks).every(Boolean);
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', checks });
  }

  private async graphql(req: IncomingMessage, res: ServerResponse, url: URL, started: number): Promise<void> {
    if (this.opts.peerSecret && !fromPeer(req.headers, this.opts.peerSecret)) {
      closeAfterAnswer(req, res);
      return sendJson(res, 403, {
        errors: [
          {
            message: `The ${this.opts.name} service answers the gateway and its peer services only; send your request to the gateway's /graphql.`,
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      let raw: Buffer;
      try {
        raw = await readBody(req, this.opts.maxBodyBytes ?? 1_000_000);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          // The rest of the body is dropped (within limits) and the connection closed.
          closeAfterAnswer(req, res);
          return sendJson(res, 413, { errors: [{ message: err.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        }
        throw err;
      }
      const text = decodeUtf8(raw);
      if (text === null) {
        return sendJson(res, 400, { errors: [{ message: 'The request body is not valid UTF-8.', extensions: { code: 'BAD_REQUEST' } }] });
      }
      try {
        body = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
    const maxNesting = this.opts.maxNesting ?? MAX_NESTING;
    if (typeof query === 'string' && bracketNesting(query, maxNesting) > maxNesting) {
      return sendJson(res, 400, {
        errors: [
          {
            message: `This operation nests brackets more than ${maxNesting} levels deep; ask for less deeply nested data.`,
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          },
        ],
      });
    }
    // Built before execution so a bad token is refused with 401 and no data.
    const context = await this.opts.buildContext(req);
    const response = await this.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) outHeaders[key] = value;
    // The time this process spent on the request, apart from the network and the client: browsers' developer tools and the benchmarks read it.
    outHeaders['server-timing'] = `total;dur=${(performance.now() - started).toFixed(2)}`;
    if (response.body.kind === 'complete') {
      // A known length lets the client read the answer without chunked decoding, and Node write headers and body at once.
      outHeaders['content-length'] = String(Buffer.byteLength(response.body.string));
      res.writeHead(response.status ?? 200, outHeaders);
      res.end(response.body.string);
      return;
    }
    res.writeHead(response.status ?? 200, outHeaders);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** Names the request's server span after its operation ("mutation sendMessage" rather than "POST"), as a trace reader looks for it. */
function operationSpanNames<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, operationName }) => {
        const type = operation?.operation ?? 'graphql';
        nameServerSpan(`${type} ${operationName ?? 'anonymous'}`, { 'graphql.operation.type': type, 'graphql.operation.name': operationName ?? '' });
      },
    }),
  };
}
