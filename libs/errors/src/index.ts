/**
 * Stable codes a client can branch on; they become `extensions.code` in
 * GraphQL errors. Domain code throws DomainError and never builds GraphQL errors.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  // A service we depend on (an SMS provider, say) failed; trying again later may work.
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Whether a code another service sent is one of ours (and so meant for the client), not an internal one. */
export const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

export class DomainError extends Error {
  /** For RATE_LIMITED: whole seconds until a retry can succeed (HTTP's Retry-After, and `extensions.retryAfter`). */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, for BAD_USER_INPUT. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * Bad input with a finer reason than BAD_USER_INPUT (a file that is not a CSV, a malformed secret...), for the code
 * that catches it, or a test, to tell apart; the message says what to do about it.
 */
export class InputProblemError<Problem extends string> extends DomainError {
  constructor(
    readonly problem: Problem,
    message: string,
    field: string,
  ) {
    super('BAD_USER_INPUT', message, field);
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first: this needs a valid access token.') => new DomainError('UNAUTHENTICATED', message);
export const rateLimited = (message: string, retryAfterSeconds: number) => {
  const error = new DomainError('RATE_LIMITED', message);
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
};
