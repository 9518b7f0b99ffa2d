import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@kz/errors';
import type { Logger } from 'pino';

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The one mapper from domain errors to GraphQL errors. Anything unexpected is
 * logged in full and reaches the client only as a generic internal error.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const answer = (message: string, extensions: Record<string, unknown>): GraphQLFormattedError => ({
      message,
      path: formatted.path,
      locations: formatted.locations,
      extensions,
    });
    // A refusal from a plugin (before any resolver) comes wrapped once more than a resolver's.
    const domain = original instanceof GraphQLError && original.originalError instanceof DomainError ? original.originalError : original;
    if (domain instanceof DomainError) {
      return answer(domain.message, { code: domain.code, ...(domain.field ? { field: domain.field } : {}) });
    }
    // A custom scalar refusing a literal surfaces as a validation error; its own code is the useful one.
    if (original instanceof GraphQLError && original.originalError instanceof GraphQLError) {
      const inner = original.originalError.extensions?.code;
      if (inner === 'BAD_USER_INPUT') return { message: formatted.message, locations: formatted.locations, extensions: { code: inner } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) return formatted;
    if (databaseUnavailable(original)) {
      logger.warn({ err: original, path: formatted.path }, 'database unavailable');
      return answer('The service cannot reach its database right now. Try again shortly (with the same idempotency key, where the operation takes one).', {
        code: 'UNAVAILABLE',
      });
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return answer('Something went wrong on our side; please try again.', { code: 'INTERNAL_SERVER_ERROR' });
  };
}

/** SQLSTATEs of a database that is restarting, shutting down or unreachable (classes 08 and 57P, too many connections). */
const UNAVAILABLE_SQLSTATES = /^(08\d{3}|57P0[1-3]|53300)$/;
const UNAVAILABLE_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Connection ended unexpectedly)/;

/**
 * Whether an error means the database is away for a while (a restart, a
 * failover, a network cut) rather than a bug: the client may try again.
 * Looks through TypeORM's QueryFailedError (driverError) and error causes.
 */
export function databaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_NET_CODES.has(code))) return true;
    if (UNAVAILABLE_MESSAGES.test(current.message)) return true;
    current = (current as { driverError?: unknown }).driverError ?? current.cause;
  }
  return false;
}
