import type { Dispatcher } from 'undici';

/** http://host:4002/graphql → http://host:4002/readyz (a path prefix before /graphql is kept). */
export function readinessUrl(subgraphUrl: string): string {
  const url = new URL(subgraphUrl);
  url.pathname = `${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}/readyz`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/**
 * True when the subgraph answers its /readyz with 200 within the deadline. Behind a balancer, a replica that is
 * shutting down answers 503 until the balancer takes it out: asking once more reaches another replica, so that one
 * replica's restart does not take every gateway out of its own balancer at once.
 */
export async function subgraphReady(dispatcher: Dispatcher, subgraphUrl: string, timeoutMs = 2_000): Promise<boolean> {
  const url = new URL(readinessUrl(subgraphUrl));
  return (await answersReady(dispatcher, url, timeoutMs)) || answersReady(dispatcher, url, timeoutMs);
}

async function answersReady(dispatcher: Dispatcher, url: URL, timeoutMs: number): Promise<boolean> {
  try {
    const res = await dispatcher.request({
      origin: url.origin,
      path: url.pathname,
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body.dump();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}
