import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types from a subgraph's own SDL (services/<name>/codegen.ts passes what is its own), so a field renamed in
 * schema.graphql breaks `tsc -b` in the resolver that still serves the old name. Mappers name what resolvers really
 * return (entities and domain records), which then arrive as parents. `npm test` runs each with --check, so a stale
 * src/generated fails like a stale supergraph.
 */
export function subgraphResolversCodegen(own: {
  /** The service's context type, from src/generated: e.g. '../context#GroupsContext'. */
  contextType: string;
  /** Custom scalars beyond DateTime, as TypeScript types. */
  scalars?: Record<string, string>;
  mappers: Record<string, string>;
}): CodegenConfig {
  return {
    schema: 'src/schema.graphql',
    generates: {
      'src/generated/resolvers-types.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          contextType: own.contextType,
          scalars: { DateTime: 'Date', ...own.scalars, _FieldSet: 'string' },
          strictScalars: true,
          // An input field with a default always arrives (graphql-js fills it in), so only fields without one are optional.
          avoidOptionals: { field: false, inputValue: false, object: false, defaultValue: true },
          mappers: own.mappers,
        },
      },
    },
  };
}
