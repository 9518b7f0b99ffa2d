import type { CheckedDestination, DeliveryFailure } from '@kz/webhooks';

/** What one POST to an endpoint came to. */
export interface PostOutcome {
  /** The status answered, or null when none came. */
  readonly status: number | null;
  readonly retryAfter: string | null;
  readonly latencyMs: number;
  readonly excerpt: string;
  /** Set unless the answer was 2xx. */
  readonly failure: DeliveryFailure | null;
  /** What went wrong without an answer, in words. */
  readonly error: string | null;
}

export interface PostOptions {
  readonly timeoutMs: number;
  readonly excerptBytes: number;
}

/**
 * POSTs a JSON body to a checked destination: connecting only to its checked addresses, following no redirect, reading
 * back at most `excerptBytes`, all within `timeoutMs`.
 */
export type PostJson = (destination: CheckedDestination, body: string, headers: Record<string, string>, options: PostOptions) => Promise<PostOutcome>;
