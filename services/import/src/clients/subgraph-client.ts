import { peerHeaders } from '@kz/server';
import { isErrorCode, type ErrorCode } from '@kz/errors';
import { PeerCallError } from '../domain/peers/peer-call-error';

/** A subgraph call that failed: the peer ports' error, named for where it came from in logs. */
export class SubgraphCallError extends PeerCallError {
  constructor(code: ErrorCode | 'NETWORK', message: string, retryable: boolean) {
    super(code, message, retryable);
    this.name = 'SubgraphCallError';
  }
}

const PERMANENT: ReadonlySet<string> = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE']);

/** GraphQL over HTTP to one subgraph (its /graphql URL), with the bearer token of whoever the call acts for. */
export class SubgraphClient {
  constructor(
    readonly name: string,
    private readonly url: string,
    /** SUBGRAPH_SECRET: subgraphs answer peers that send it. */
    private readonly subgraphSecret: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async request<T>(query: string, variables: Record<string, unknown>, token: string | null): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...peerHeaders(this.subgraphSecret) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new SubgraphCallError('NETWORK', `The ${this.name} service could not be reached (${(err as Error).message}); try again shortly.`, true);
    }
    let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new SubgraphCallError('UNAVAILABLE', `The ${this.name} service answered HTTP ${response.status} without a GraphQL body.`, true);
    }
    const error = body.errors?.[0];
    if (error) {
      const raw = error.extensions?.code ?? '';
      // Anything but a known domain refusal (a bug, a lost database) may pass: retry it.
      const code: ErrorCode = isErrorCode(raw) ? raw : 'UNAVAILABLE';
      throw new SubgraphCallError(code, error.message, !PERMANENT.has(code));
    }
    if (!body.data) throw new SubgraphCallError('UNAVAILABLE', `The ${this.name} service answered HTTP ${response.status} with no data.`, true);
    return body.data;
  }
}
