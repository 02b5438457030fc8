import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The ALS kernel's wasm is a build output: compile it (if stale) before any test imports it.
    globalSetup: ['scripts/vitest-setup-wasm.mjs'],
    // DuckDB-backed tests are I/O and CPU heavy; two cores on CI.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
