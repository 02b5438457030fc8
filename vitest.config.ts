import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The ALS kernel's wasm and the CLI bundle are build outputs: build them (if stale) before any test uses them.
    globalSetup: ['scripts/vitest-setup-build.mjs'],
    // DuckDB-backed tests are I/O and CPU heavy; two cores on CI.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
