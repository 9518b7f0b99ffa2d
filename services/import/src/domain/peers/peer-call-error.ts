import { DomainError, type ErrorCode } from '@kz/errors';

/**
 * A call to another service (the people directory, groups) that failed;
 * `retryable` when trying again later may succeed. Implementations of the
 * peer ports throw it, so the domain can tell a refusal from an outage
 * without knowing how the call travelled.
 */
export class PeerCallError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'PeerCallError';
  }

  /** The same problem as the caller's own domain error, for answers to the person who asked. */
  toDomainError(): DomainError {
    return new DomainError(this.code === 'NETWORK' ? 'UNAVAILABLE' : this.code, this.message);
  }
}

/** Runs a call to another service; its refusal becomes the caller's own domain error, with its code. */
export async function asOwnError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PeerCallError) throw err.toDomainError();
    throw err;
  }
}
