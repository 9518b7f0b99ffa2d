import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Every operation and fragment in src/ is typed from the public schema the gateway serves (the supergraph's API
 * schema plus the gateway's subscriptions), which `npm run compose -w @kz/gateway` writes. `npm test` runs this with
 * --check, so a stale src/gql fails like a stale supergraph.
 */
const config: CodegenConfig = {
  schema: '../../gateway/client-schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', PhoneNumber: 'string', URL: 'string' },
        strictScalars: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
