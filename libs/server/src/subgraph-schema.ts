import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode, GraphQLSchema } from 'graphql';

type SubgraphResolvers = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: DocumentNode }>['resolvers']>;

/**
 * Builds a Federation 2 subgraph schema. Resolver maps are typed by their own
 * context in each service; @apollo/subgraph types them with `unknown`, so the
 * widening happens here, once.
 */
export function subgraphSchema(typeDefs: DocumentNode, resolvers: object): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as SubgraphResolvers });
}
