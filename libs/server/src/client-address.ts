import type { IncomingMessage } from 'node:http';

/**
 * The address of the end client. Behind the gateway every request comes from
 * the gateway, so its X-Forwarded-For is used, but only when the socket peer
 * is a proxy we trust: anyone else could write that header.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (!trustedProxies.includes(peer)) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // The nearest hop not itself a trusted proxy is the client.
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(chain[i]!)) return chain[i]!;
  }
  return chain[0] ?? peer;
}
