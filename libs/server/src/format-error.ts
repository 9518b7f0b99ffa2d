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
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
      };
    }
    // A custom scalar refusing a literal surfaces as a validation error; its own code is the useful one.
    if (original instanceof GraphQLError && original.originalError instanceof GraphQLError) {
      const inner = original.originalError.extensions?.code;
      if (inner === 'BAD_USER_INPUT') return { message: formatted.message, locations: formatted.locations, extensions: { code: inner } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) return formatted;
    logger.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: 'Something went wrong on our side; please try again.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
