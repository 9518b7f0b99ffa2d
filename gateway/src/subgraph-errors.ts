import { DomainError, type ErrorCode } from '@kz/errors';
import { GraphQLError } from 'graphql';

const DOMAIN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UNAVAILABLE',
]);

/**
 * A subgraph's errors have been through that subgraph's own error mapper:
 * their code and message are meant for the client. The shared formatError
 * trusts only DomainErrors and would mask them as INTERNAL_SERVER_ERROR, so
 * errors a subgraph sent with a domain code are re-expressed as DomainErrors
 * at the same path (which also drops the subgraph's name and stack trace).
 * Errors with any other code are left alone.
 */
export function keepSubgraphErrorCodes(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    const { code, serviceName, field } = error.extensions ?? {};
    if (typeof serviceName !== 'string' || typeof code !== 'string' || !DOMAIN_CODES.has(code)) return error;
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      path: error.path,
      originalError: new DomainError(code as ErrorCode, error.message, typeof field === 'string' ? field : undefined),
    });
  });
}
