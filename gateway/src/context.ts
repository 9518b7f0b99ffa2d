import type { Caller } from '@kz/auth';

export interface GatewayContext {
  /** Established from the verified bearer token; anonymous without one. */
  caller: Caller;
  /** `Bearer <token>` as verified, forwarded to every subgraph (they verify it too). */
  authorization: string | null;
  /** The incoming X-Forwarded-For with the client's own address appended, as subgraphs expect from a proxy. */
  forwardedFor: string;
}
