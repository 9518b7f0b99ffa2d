/**
 * One Jest run for the whole monorepo: unit specs beside the code (src/**),
 * integration specs per service (services/x/test), end-to-end specs through the
 * gateway (e2e/). TypeScript is compiled by SWC; workspace libraries resolve to
 * their sources, so tests never need a build first.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@kz/(identity|groups|messaging|import|webhooks)-service$': '<rootDir>/services/$1/src/index.ts',
  '^@kz/gateway$': '<rootDir>/gateway/src/index.ts',
  '^@kz/(config|db|errors|events|auth|phone|server|testing|stack|webhooks|telemetry)$': '<rootDir>/libs/$1/src/index.ts',
};

// The web app's browser specs (*.browser.spec.ts) run in Playwright, not here.
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.spec\\.ts$'],
};

module.exports = {
  // Integration and end-to-end specs wait on Kafka round trips; this is a ceiling, not a performance check.
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,gateway}/**/src/**/*.spec.ts', '<rootDir>/cli/src/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/services/*/test/**/*.spec.ts',
        '<rootDir>/libs/*/test/**/*.spec.ts',
        '<rootDir>/gateway/test/**/*.spec.ts',
        '<rootDir>/deploy/kubernetes/test/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.spec.ts'],
    },
  ],
};
