import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `const { id: _id, ...rest } = row` is how a field is dropped; that is not an unused variable.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
  { ignores: ['.next*/**', 'node_modules/**', 'next-env.d.ts', 'bench/out/**', 'playwright-report/**', 'test-results*/**'] },
];

export default config;
