import { Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface GraphQLResult {
  status: number;
  /** The raw response body, as the server sent it. */
  text: string;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * The harness's HTTP client: node:http over kept-alive connections. The WHATWG fetch of Node (undici)
 * costs more than the requests it times here: in a bare loopback round trip of a 12 KB answer on the 2-core
 * machine, fetch took p50 0.48 / p99 3.6 ms and node:http 0.14 / 1.4 ms, and the clients share the cores with the
 * servers they measure.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpAnswer {
  status: number;
  text: string;
  headers: IncomingHttpHeaders;
}

/** POSTs a JSON body; resolves with the whole answer once its last byte has arrived. */
export function postJson(url: string, body: string, token?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult> {
  const res = await postJson(url, JSON.stringify({ query, variables }), token);
  let body: Omit<GraphQLResult, 'status' | 'text'>;
  try {
    body = JSON.parse(res.text) as Omit<GraphQLResult, 'status' | 'text'>;
  } catch {
    throw new Error(`${url} answered HTTP ${res.status} with a body that is not JSON: ${res.text.slice(0, 300)}`);
  }
  return { status: res.status, text: res.text, ...body };
}

/** The data of a successful operation; anything else throws with the server's answer. */
export async function mustQuery(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Record<string, any>> {
  const res = await graphql(url, query, variables, token);
  if (res.status !== 200 || res.errors?.length || !res.data) {
    throw new Error(`${url} answered HTTP ${res.status}: ${res.text.slice(0, 500)}`);
  }
  return res.data;
}

/** An error `eventually` does not retry: waiting longer cannot help. */
export class GiveUp extends Error {}

/** Retries until the check passes or the deadline passes: for effects that travel through Kafka. */
export async function eventually<T>(what: string, check: () => Promise<T>, timeoutMs = 60_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      if (Date.now() > deadline) throw new Error(`${what}: still failing after ${timeoutMs / 1000} s: ${(err as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs tasks with at most `limit` in flight. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface SignedIn {
  token: string;
  refreshToken: string;
  userId: string;
}

/**
 * Signs a phone number in through a gateway, reading the one-time code from
 * identity's development SMS sink at `identityBase` (its URL without /graphql).
 */
export async function signInWithDevCode(gatewayUrl: string, identityBases: string | readonly string[], phone: string, displayName: string): Promise<SignedIn> {
  await mustQuery(gatewayUrl, `mutation($p: PhoneNumber!) { requestSignInCode(input: { phone: $p }) { expiresInSeconds } }`, { p: phone });
  // Each identity process keeps what it texted: behind a balancer, the code is at whichever process sent it.
  const statuses: number[] = [];
  let code: string | undefined;
  for (const base of typeof identityBases === 'string' ? [identityBases] : identityBases) {
    const res = await fetch(`${base}/dev/sms?phone=${encodeURIComponent(phone)}`);
    statuses.push(res.status);
    const sms = (await res.json().catch(() => ({}))) as { body?: string };
    code = /(\d{6})/.exec(sms.body ?? '')?.[1];
    if (code) break;
  }
  if (!code) throw new Error(`no sign-in code for ${phone} at the development SMS sink (HTTP ${statuses.join(', ')})`);
  const data = await mustQuery(
    gatewayUrl,
    `mutation($p: PhoneNumber!, $c: String!, $n: String) { signIn(input: { phone: $p, code: $c, displayName: $n }) { accessToken refreshToken user { id } } }`,
    { p: phone, c: code, n: displayName },
  );
  return { token: data.signIn.accessToken, refreshToken: data.signIn.refreshToken, userId: data.signIn.user.id };
}

/** The milliseconds a server of this stack says it spent on a request (`Server-Timing: total;dur=…`). */
export function serverTiming(header: string | string[] | null | undefined): number {
  if (Array.isArray(header)) header = header.join(', ');
  const dur = /(?:^|,)\s*total;dur=([\d.]+)/.exec(header ?? '')?.[1];
  if (dur === undefined) throw new Error(`the response has no Server-Timing total (got ${JSON.stringify(header ?? null)})`);
  return Number(dur);
}
