import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, type Dispatcher } from 'undici';

export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

export interface SubgraphAgentOptions {
  /** Connections kept per subgraph origin. */
  connections?: number;
  keepAliveTimeoutMs?: number;
  /** Longest wait for a subgraph's response headers, and between body chunks. */
  timeoutMs?: number;
}

/**
 * One pool of keep-alive connections per subgraph. Reusing connections rather
 * than opening one per fetch is most of the gateway's throughput; the idle
 * timeout stays below the subgraphs' own (65 s) so the gateway, not the
 * subgraph, closes an idle connection and no request races a closing socket.
 */
export function createSubgraphAgent(opts: SubgraphAgentOptions = {}): Agent {
  return new Agent({
    connections: opts.connections ?? 64,
    pipelining: 1,
    keepAliveTimeout: opts.keepAliveTimeoutMs ?? 30_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: opts.timeoutMs ?? 30_000,
    bodyTimeout: opts.timeoutMs ?? 30_000,
    connect: { timeout: 5_000 },
  });
}

/** Response headers, looked up case-insensitively; enough of the Fetch API for the gateway. */
class ResponseHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.map.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.map.get(key);
    this.map.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** A fully read response: subgraph answers are JSON the gateway needs whole anyway. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly ok: boolean;
  readonly statusText: string;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: FetcherHeaders,
    private readonly body: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }
  async json(): Promise<unknown> {
    this.bodyUsed = true;
    return JSON.parse(this.body);
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const bytes = Buffer.from(this.body, 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.status, this.headers, this.body);
  }
}

/**
 * The gateway's subgraph fetcher: undici's request API over a shared
 * keep-alive Agent, without the WHATWG fetch machinery on the hot path.
 */
export function undiciFetcher(dispatcher: Dispatcher): Fetcher {
  const targets = new Map<string, { origin: string; path: string }>();
  return async (url, init = {}) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, target);
    }
    const res = await dispatcher.request({
      origin: target.origin,
      path: target.path,
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      signal: (init.signal as AbortSignal | undefined) ?? null,
    });
    const body = await res.body.text();
    return new BufferedResponse(url, res.statusCode, new ResponseHeaders(res.headers), body);
  };
}

/**
 * Shares one subgraph call among identical queries in flight at the same time:
 * same subgraph, same caller token, same operation and variables. Mutations are
 * never shared, and a caller's token is part of the key, so no one ever gets an
 * answer computed for someone else.
 */
export function deduplicatingFetcher(inner: Fetcher): Fetcher {
  const inFlight = new Map<string, Promise<FetcherResponse>>();
  return async (url, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : null;
    if (init.method !== 'POST' || body === null || /"query"\s*:\s*"\s*mutation\b/.test(body)) return inner(url, init);
    const key = `${url}\n${authorizationOf(init.headers)}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = inner(url, init).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    const response = await shared;
    return response.clone();
  };
}

function authorizationOf(headers: unknown): string {
  if (!headers) return '';
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(name: string): string | null }).get('authorization') ?? '';
  const record = headers as Record<string, string | undefined>;
  return record['authorization'] ?? record['Authorization'] ?? '';
}
