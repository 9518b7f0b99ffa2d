import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types from the subgraph's own SDL, so a field renamed in schema.graphql breaks `tsc -b` in the resolver
 * that still serves the old name. Mappers name what resolvers really return (entities and domain records), which
 * then arrive as parents. `npm test` runs this with --check, so a stale src/generated fails like a stale supergraph.
 */
const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context#ImportContext',
        scalars: { DateTime: 'Date', URL: 'string', _FieldSet: 'string' },
        strictScalars: true,
        // An input field with a default always arrives (graphql-js fills it in), so only fields without one are optional.
        avoidOptionals: { field: false, inputValue: false, object: false, defaultValue: true },
        mappers: {
          ImportJob: '../entities/import-job.entity#ImportJobEntity',
          // Import adds fields to organisations it knows by id only.
          Organization: '{ id: string }',
        },
      },
    },
  },
};

export default config;
