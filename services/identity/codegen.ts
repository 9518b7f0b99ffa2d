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
        contextType: '../context#IdentityContext',
        scalars: { DateTime: 'Date', PhoneNumber: 'string', _FieldSet: 'string' },
        strictScalars: true,
        // An input field with a default always arrives (graphql-js fills it in), so only fields without one are optional.
        avoidOptionals: { field: false, inputValue: false, object: false, defaultValue: true },
        mappers: {
          AttributeDefinition: '../entities/attribute-definition.entity#AttributeDefinitionEntity',
          Connector: '../entities/connector.entity#ConnectorEntity',
          DirectoryEntry: '../domain/directory.service#DirectoryEntry as DirectoryEntryRecord',
          DirectoryImportOutcome: '../domain/directory-import.service#DirectoryImportOutcome as DirectoryImportRecord',
          Organization: '../entities/organization.entity#OrganizationEntity',
          User: '../entities/user.entity#UserEntity',
        },
      },
    },
  },
};

export default config;
