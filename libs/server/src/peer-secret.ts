import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header the gateway and peer services send a subgraph the shared secret in (SUBGRAPH_SECRET). */
export const SUBGRAPH_SECRET_HEADER = 'x-kz-subgraph-secret';

/** Headers a caller of a subgraph adds: the shared secret, when the deployment has one. */
export function peerHeaders(secret: string): Record<string, string> {
  return secret ? { [SUBGRAPH_SECRET_HEADER]: secret } : {};
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether a request carries the shared secret; compared in constant time (digests, so lengths do not leak either). */
export function fromPeer(headers: IncomingHttpHeaders, secret: string): boolean {
  const sent = headers[SUBGRAPH_SECRET_HEADER];
  if (typeof sent !== 'string') return false;
  return timingSafeEqual(digest(sent), digest(secret));
}
