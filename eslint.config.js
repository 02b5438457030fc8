import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** Imports each layer may not use: dependency direction points down (ui → worker/cli → ml → engine). */
const frameworkFree = [
  { group: ['react', 'react-dom', 'react/*', '@xyflow/*', '@tanstack/*', 'plotly.js*'], message: 'engine/ml must not depend on UI frameworks.' },
  { group: ['@duckdb/*', 'duckdb', 'parquet-wasm'], message: 'engine/ml reach DuckDB only through the SqlRunner interface.' },
  { group: ['comlink', 'comlink/*'], message: 'Only src/worker talks comlink.' },
  { group: ['**/ui/**', '**/worker/**', '**/cli/**', '**/testing/**'], message: 'engine/ml may not import higher layers.' },
  { group: ['node:*'], message: 'engine/ml run in the browser too: no Node built-ins.' },
];
const mlAbove = { group: ['**/ml', '**/ml/**'], message: 'engine is below ml: it reaches the trainer only through the ModelHost in ExecuteOptions.models.' };

/** Node built-ins by their bare names ('fs', 'fs/promises', 'path' …): a `node:*` pattern does not catch these. */
const bareBuiltins = (message) => builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message }));

/** What code that also runs in the browser (engine, ml, importers) may not import. */
const pureImports = (patterns) => ['error', { paths: bareBuiltins('engine, ml and importers run in the browser too: no Node built-ins.'), patterns }];
/** Host globals: what engine and ml need from a host (a GPU, a file, the environment) is passed in. */
const pureGlobals = ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'navigator', 'self', 'fetch'];

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
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': pureImports([...frameworkFree, mlAbove]), 'no-restricted-globals': pureGlobals },
  },
  {
    files: ['src/ml/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': pureImports(frameworkFree), 'no-restricted-globals': pureGlobals },
  },
  {
    // Importers convert other tools' files in the studio and the CLI alike; what needs a host (Parquet decoding) is passed in.
    files: ['src/importers/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/importers/**/testing/**'],
    rules: { 'no-restricted-imports': pureImports(frameworkFree), 'no-restricted-globals': pureGlobals },
  },
  {
    // The engine and ML workers run in a Web Worker; their tests run in Node and may use the CLI's runner as a reference.
    files: ['src/worker/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: bareBuiltins('src/worker runs in a Web Worker: no Node built-ins.'),
          patterns: [
            { group: ['**/ui/**', '**/cli/**', '**/testing/**'], message: 'src/worker may not import the studio, the CLI or test support.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/worker has no React.' },
            { group: ['node:*'], message: 'src/worker runs in a Web Worker: no Node built-ins.' },
          ],
        },
      ],
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
