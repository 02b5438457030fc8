import { defineConfig } from 'vitest/config';

/**
 * The Spark tier (`npm run test:spark`): PySpark jobs written by `wrangle pyspark` run on one local Spark session
 * (`local[2]`; a session takes seconds to start) and are compared with the CLI's outputs on DuckDB.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.spark.test.ts'],
    globalSetup: ['scripts/vitest-setup-build.mjs'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    // Under 6 minutes on 2 quiet cores; a shared, loaded machine takes longer.
    hookTimeout: 1_200_000,
  },
});
