import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';
import { SUBGRAPH_SECRET_HEADER } from '@kz/server';
import type { Fetcher } from './subgraph-fetcher';

/**
 * Calls one subgraph over the shared keep-alive fetcher and passes the
 * caller's token on, so each subgraph authorises against the same caller.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    /** The subgraph's name, as clients are told of it when it cannot be reached. */
    private readonly serviceName: string,
    url: string,
    fetcher: Fetcher,
    /** The deployment's SUBGRAPH_SECRET, sent with every call (subgraphs refuse GraphQL without it); empty for none. */
    private readonly subgraphSecret: string,
    /** Told of every call: how long it took and how it ended (ok, errors in the answer, or failed). */
    private readonly observeCall: (seconds: number, outcome: 'ok' | 'errors' | 'failed') => void = () => undefined,
  ) {
    super({ url, fetcher });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const started = performance.now();
    try {
      const response = await super.process(options);
      this.observeCall((performance.now() - started) / 1000, response.errors?.length ? 'errors' : 'ok');
      return response;
    } catch (err) {
      this.observeCall((performance.now() - started) / 1000, 'failed');
      // A replica dying mid-request, or none left behind the balancer: the client may try again (a mutation with
      // its idempotency key, since it may have been applied).
      if (unreachable(err)) return { errors: [this.unavailable()] };
      // Refused with an HTTP error status (by the subgraph, or by its balancer for it) as unavailable: answered as
      // the subgraph's errors are, which keeps the code for the client.
      if (err instanceof GraphQLError && err.extensions['code'] === 'UNAVAILABLE') return { errors: [err] };
      throw err;
    }
  }

  private unavailable(): GraphQLError {
    const message = `The ${this.serviceName} service did not answer; try again shortly (with the same idempotency key, where the operation takes one).`;
    return new GraphQLError(message, { extensions: { code: 'UNAVAILABLE' } });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Health checks and schema loading run without a request context.
    const { authorization, forwardedFor } = (context as Partial<GatewayContext> | undefined) ?? {};
    if (authorization) request.http?.headers.set('authorization', authorization);
    if (forwardedFor) request.http?.headers.set('x-forwarded-for', forwardedFor);
    if (this.subgraphSecret) request.http?.headers.set(SUBGRAPH_SECRET_HEADER, this.subgraphSecret);
  }

  /**
   * A subgraph refuses a request it cannot validate (a malformed phone number
   * literal, say) with HTTP 400 and a GraphQL error that already carries the
   * code and message meant for the client; keep them instead of "400: Bad Request".
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const fallback = await super.errorFromResponse(response);
    const body = (fallback.extensions.response as { body?: unknown } | undefined)?.body;
    const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown; field?: unknown } }[] } | undefined)?.errors?.[0];
    if (typeof first?.message !== 'string' || typeof first.extensions?.code !== 'string') {
      // A balancer in front of the subgraph answering for it: no replica could take the request.
      return UNAVAILABLE_STATUSES.has(response.status) ? this.unavailable() : fallback;
    }
    return new GraphQLError(first.message, { extensions: { code: first.extensions.code, field: first.extensions.field } });
  }
}

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);
/** Node's and undici's codes for a connection refused, cut or timed out. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Looks through causes, and not by `instanceof Error`: Node's socket errors may come from another realm. */
function unreachable(err: unknown): boolean {
  let current = err as { code?: unknown; cause?: unknown } | null | undefined;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    if (typeof current.code === 'string' && UNREACHABLE_CODES.has(current.code)) return true;
    current = current.cause as typeof current;
  }
  return false;
}
