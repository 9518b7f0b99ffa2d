import { DomainError, isErrorCode } from '@kz/errors';
import { GraphQLError } from 'graphql';

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
    if (typeof serviceName !== 'string' || typeof code !== 'string' || !isErrorCode(code)) return error;
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      path: error.path,
      originalError: new DomainError(code, error.message, typeof field === 'string' ? field : undefined),
    });
  });
}
