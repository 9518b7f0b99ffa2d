import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'tmp/**',
      '.nx/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'services/portal/src/gql/**',
      'services/*/src/generated/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      // Function is TypeORM's own type for entity classes.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Domain code is the service's rules, reached through resolvers, jobs, HTTP routes and event handlers; it never
    // reaches back into them, nor into the transports (GraphQL, Kafka, BullMQ) they translate from.
    files: ['services/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@kz/events',
              importNames: ['OutboxRelay', 'InboxConsumer', 'RestartingConsumer', 'createKafka', 'ensureTopics', 'KafkaProbe', 'runCommittingPeriodically'],
              message: "Domain code writes events through the outbox; relaying and consuming them belongs to the service's wiring.",
            },
          ],
          patterns: [
            {
              regex: '^(\\.\\./)+(resolvers|clients|jobs|http)(/|$)',
              message:
                'Domain code is called by resolvers, clients, jobs and HTTP routes, never the other way: take what it needs as a parameter or a port it declares.',
            },
            { regex: '^(\\.\\./)+events/[^/]*\\.handlers$', message: 'Event handlers call domain code, never the other way.' },
            {
              regex: '^(kafkajs|bullmq|ioredis|graphql)(/|$)',
              message: 'Domain code stays free of transport types: GraphQL, Kafka, BullMQ and Redis belong to resolvers, handlers and jobs.',
            },
            { regex: '^@apollo/', message: 'Domain code stays free of GraphQL server types.' },
          ],
        },
      ],
    },
  },
  {
    // The benchmark and the failure drills share the stack harness (libs/stack), never each other's code.
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(.*/)?drill(/|$)', message: 'bench/ does not import drill/: share code through libs/stack.' }] },
      ],
    },
  },
  {
    files: ['drill/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+(.*/)?bench(/|$)', message: 'drill/ does not import bench/: share code through libs/stack.' },
            { regex: '^@kz/bench(/|$)', message: 'drill/ does not import bench/: share code through libs/stack.' },
          ],
        },
      ],
    },
  },
  {
    // Tests read GraphQL responses loosely; the domain code stays strict.
    files: ['**/*.spec.ts', 'e2e/**/*.ts', 'libs/testing/**/*.ts', 'libs/stack/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
