import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports each layer may not use: dependency direction points down (ui → worker/cli → ml → engine). */
const frameworkFree = [
  { group: ['react', 'react-dom', 'react/*', '@xyflow/*', '@tanstack/*', 'plotly.js*'], message: 'engine/ml must not depend on UI frameworks.' },
  { group: ['@duckdb/*', 'duckdb', 'parquet-wasm'], message: 'engine/ml reach DuckDB only through the SqlRunner interface.' },
  { group: ['comlink', 'comlink/*'], message: 'Only src/worker talks comlink.' },
  { group: ['**/ui/**', '**/worker/**', '**/cli/**', '**/testing/**'], message: 'engine/ml may not import higher layers.' },
  { group: ['node:*'], message: 'engine/ml run in the browser too: no Node built-ins.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'bench/results/**', 'sample-data/**', 'public/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-globals': ['error', 'event'],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/ml/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: frameworkFree }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process'],
    },
  },
  {
    // Importers convert other tools' files in the studio and the CLI alike; what needs a host (Parquet decoding) is passed in.
    files: ['src/importers/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/importers/**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: frameworkFree }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process'],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@duckdb/*', 'parquet-wasm'], message: 'The studio reaches DuckDB only through the EngineClient; src/worker owns duckdb-wasm.' },
            { group: ['**/cli/**', '**/testing/**', 'node:*'], message: 'The studio runs in the browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**', '**/worker/**', 'react', 'react-dom', 'comlink'], message: 'The CLI does not use the browser layers.' }] },
      ],
    },
  },
);
