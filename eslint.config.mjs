import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'tmp/**', '.nx/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'services/portal/src/gql/**', 'services/*/src/generated/**'] },
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
    // Tests read GraphQL responses loosely; the domain code stays strict.
    files: ['**/*.spec.ts', 'e2e/**/*.ts', 'libs/testing/**/*.ts', 'libs/stack/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
