import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The Spark tier has its own config (vitest.spark.config.ts) and runs after this one.
    exclude: [...configDefaults.exclude, 'src/**/*.spark.test.ts'],
    // The ALS kernel's wasm and the CLI bundle are build outputs: build them (if stale) before any test uses them.
    globalSetup: ['scripts/vitest-setup-build.mjs'],
    // DuckDB-backed tests are I/O and CPU heavy; two cores on CI.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
