import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import type { OperationLimiter } from './operation-limits';
import { keepSubgraphErrorCodes } from './subgraph-errors';

export type GatewayInterface = NonNullable<ApolloServerOptionsWithGateway<BaseContext>['gateway']>;

/**
 * Wraps the gateway's executor:
 * - an operation over a limit is answered with its BAD_USER_INPUT errors
 *   (HTTP 400, no data) before any query plan is built or subgraph called;
 * - errors the subgraphs sent with a domain code keep that code.
 *
 * The limits live here rather than in an Apollo plugin or validation rule
 * because GraphQLHttpServer takes neither, and Apollo Server relabels a
 * validation rule's error GRAPHQL_VALIDATION_FAILED.
 */
export function guardedGateway(gateway: GatewayInterface, limiter: OperationLimiter): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      const execute = loaded.executor;
      if (!execute) return loaded;
      return {
        ...loaded,
        executor: async (requestContext) => {
          const refused = limiter.check(requestContext.document, requestContext.operation);
          if (refused.length > 0) return { errors: refused };
          const result = await execute(requestContext);
          return result.errors ? { ...result, errors: keepSubgraphErrorCodes(result.errors) } : result;
        },
      };
    },
  };
}
