import type { Caller } from '@kz/auth';

export interface GatewayContext {
  /** Established from the verified bearer token; anonymous without one. */
  caller: Caller;
  /** `Bearer <token>` as verified, forwarded to every subgraph (they verify it too). */
  authorization: string | null;
}
