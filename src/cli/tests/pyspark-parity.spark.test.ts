import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/run-cli';
import { runCliInProcess } from '../../testing/run-cli-in-process';
import { readParquet, rowDifferences, runSparkJobs, sparkPython, type SparkRun } from '../../testing/spark-jobs';
import { importCases, kindCases, kindsFlow, nestedCsvFlow, workshopFlow, writeInputs } from './spark-kind-cases';
import { modelCases, playlistsInteractionsFlow, playlistsModelFlow, ratingsAlsFlow, trainingCases } from './spark-model-flows';

/**
 * The Spark tier: the jobs `wrangle pyspark` writes run on one local Spark session and give the rows `wrangle run`
 * gives on DuckDB. Every case is an export of one flow; both engines write Parquet (`--format parquet`), which
 * DuckDB reads back: the same column names and types, the same rows as sorted sets (numbers within 1e-9 relative).
 */

const skip = sparkPython === undefined;
if (skip) console.log('Spark tier skipped: .venv-spark is missing (run node scripts/ensure-spark.mjs; it needs python3).');

describe.skipIf(skip)('PySpark jobs on local Spark give the CLI’s rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-spark-'));
  let spark: SparkRun;

  beforeAll(async () => {
    const inputs = await writeInputs(dir);
    const inputArgs = Object.entries(inputs).flatMap(([name, path]) => ['--input', `${name}=${path}`]);
    const music = ['--input', `tracks=${join(repoRoot, 'sample-data/music/tracks.csv')}`, '--input', `ratings=${join(repoRoot, 'sample-data/music/ratings.csv')}`];
    // The playlists flow's interactions come from its sql block, which the CLI runs here.
    const interactionsFlow = join(dir, 'interactions.flow.json');
    writeFileSync(interactionsFlow, JSON.stringify(playlistsInteractionsFlow()));
    const playlists = ['--input', `playlists=${join(repoRoot, 'sample-data/playlists/playlists.csv')}`];
    const made = await runCliInProcess(['run', interactionsFlow, ...playlists, '--out', join(dir, 'interactions')]);
    expect(made.code, made.stderr).toBe(0);
    const interactions = ['--input', `interactions=${join(dir, 'interactions', 'interactions.csv')}`];
    const movielens = ['--input', `ratings=${join(repoRoot, 'sample-data/movielens/ratings.csv')}`];
    const jobs = [];
    for (const [name, flow, args] of [
      ['kinds', kindsFlow(), inputArgs],
      ['music', workshopFlow(), music],
      ['ratings-als', ratingsAlsFlow(), movielens],
      ['playlists', playlistsModelFlow(), interactions],
    ] as const) {
      const flowPath = join(dir, `${name}.flow.json`);
      writeFileSync(flowPath, JSON.stringify(flow));
      mkdirSync(join(dir, 'spark'), { recursive: true });
      const cli = await runCliInProcess(['run', flowPath, ...args, '--out', join(dir, 'cli', name), '--format', 'parquet']);
      expect(cli.code, cli.stderr).toBe(0);
      const job = join(dir, `${name}.py`);
      const exported = await runCliInProcess(['pyspark', flowPath, '-o', job]);
      expect(exported.code, exported.stderr).toBe(0);
      jobs.push({ name, job, argv: [...args, '--out', join(dir, 'spark', name), '--format', 'parquet'] });
    }
    // A struct column written as CSV: DuckDB writes its own text for it; the job stops, naming the export and column.
    const nestedFlow = join(dir, 'nested.flow.json');
    writeFileSync(nestedFlow, JSON.stringify(nestedCsvFlow()));
    const nestedJob = join(dir, 'nested.py');
    expect((await runCliInProcess(['pyspark', nestedFlow, '-o', nestedJob])).code).toBe(0);
    jobs.push({ name: 'nested-csv', job: nestedJob, argv: [...inputArgs, '--out', join(dir, 'spark', 'nested')] });
    spark = await runSparkJobs(jobs, dir);
  });

  it('runs every job', () => {
    console.log(`Spark ${spark.spark}: ${Object.entries(spark.results).map(([name, r]) => `${name} ${r.seconds ?? '-'} s`).join(', ')}`);
    const { 'nested-csv': nested, ...flows } = spark.results;
    expect(Object.fromEntries(Object.entries(flows).map(([name, r]) => [name, r.error ?? 'ok']))).toEqual({ kinds: 'ok', music: 'ok', 'ratings-als': 'ok', playlists: 'ok' });
    expect(nested?.error).toMatch(/export .*nested\.csv: column 's' holds struct<g:string,n:(bigint|int)>, which Spark cannot write as CSV the way DuckDB does; write this export as Parquet or JSON/);
  });

  async function compare(flow: string, file: string): Promise<number> {
    const cli = await readParquet(join(dir, 'cli', flow, file));
    const onSpark = await readParquet(join(dir, 'spark', flow, file));
    expect(onSpark.columns).toEqual(cli.columns);
    expect(rowDifferences(cli.rows, onSpark.rows)).toEqual([]);
    return cli.rows.length;
  }

  it.each(importCases.map((c) => c.name))('%s', async (name) => {
    expect(await compare('kinds', `${name}-out.parquet`)).toBeGreaterThan(0);
  });

  it.each([...kindCases, ...modelCases].flatMap((c) => (c.outputs ?? ['out']).map((port) => `${c.name}-${port}`)))('%s', async (name) => {
    await compare('kinds', `${name}.parquet`);
  });

  it('music workshop: train and test hold exactly the CLI’s rows, columns and 80/20 membership', async () => {
    const train = await compare('music', 'train.parquet');
    const test = await compare('music', 'test.parquet');
    expect(train + test).toBe(100_000);
    expect(train / (train + test)).toBeCloseTo(0.8, 1);
  });

  it.each(trainingCases.flatMap((c) => (c.outputs ?? []).map((port) => `${c.name}-${port}`)))('%s has the CLI’s columns, types and rows', async (name) => {
    const cli = await readParquet(join(dir, 'cli', 'kinds', `${name}.parquet`));
    const onSpark = await readParquet(join(dir, 'spark', 'kinds', `${name}.parquet`));
    expect(onSpark.columns).toEqual(cli.columns);
    expect(onSpark.rows).toHaveLength(cli.rows.length);
    // A factor table's ids, and a summary's sizes and settings, are the same; the fitted numbers are Spark's own.
    const fixed = name.endsWith('-summary') ? [0, 1, 2, 3, 4, 5, 6, 7] : [0];
    const pick = (rows: unknown[][]) => rows.map((r) => fixed.map((j) => r[j]));
    expect(rowDifferences(pick(cli.rows), pick(onSpark.rows))).toEqual([]);
  });

  /** One row of a flow's Parquet export, on each engine. */
  async function exported(flow: string, file: string): Promise<{ cli: Record<string, unknown>; spark: Record<string, unknown> }> {
    const row = async (engine: string) => {
      const t = await readParquet(join(dir, engine, flow, file));
      expect(t.rows).toHaveLength(1);
      return Object.fromEntries(t.columns.map((c, j) => [c.name, t.rows[0]![j]]));
    };
    return { cli: await row('cli'), spark: await row('spark') };
  }

  const relative = (a: unknown, b: unknown) => Math.abs(Number(a) - Number(b)) / Number(b);

  it('ratings-als: Spark ALS tuned by 5-fold CrossValidator over the same grid gives an RMSE within 2% of the CLI’s', async () => {
    const cli = await readParquet(join(dir, 'cli', 'ratings-als', 'metrics.parquet'));
    const onSpark = await readParquet(join(dir, 'spark', 'ratings-als', 'metrics.parquet'));
    // The sql block's struct literal ({'rank': …}) is Spark's named_struct: the same columns and field types.
    expect(onSpark.columns).toEqual(cli.columns);
    const metrics = await exported('ratings-als', 'metrics.parquet');
    console.log(`ratings-als RMSE: CLI ${metrics.cli.rmse}, Spark ${metrics.spark.rmse}; best ${JSON.stringify(metrics.cli.best)} / ${JSON.stringify(metrics.spark.best)}`);
    expect(relative(metrics.spark.rmse, metrics.cli.rmse)).toBeLessThan(0.02);
    expect(Object.keys(metrics.spark.best as object)).toEqual(['rank', 'regParam', 'cvRmse']);
  });

  it('ratings-als: the seeded sample’s counts and sparsity are the CLI’s', async () => {
    expect(await compare('ratings-als', 'counts.parquet')).toBe(1);
  });

  it('ratings-als: the exploded top-5 recommendations have the CLI’s columns and one row per user × 5', async () => {
    const cli = await readParquet(join(dir, 'cli', 'ratings-als', 'recommendations.parquet'));
    const onSpark = await readParquet(join(dir, 'spark', 'ratings-als', 'recommendations.parquet'));
    expect(onSpark.columns).toEqual(cli.columns);
    expect(onSpark.rows).toHaveLength(cli.rows.length);
    const perUser = (rows: unknown[][]) => {
      const ranks = new Map<string, number[]>();
      for (const r of rows) ranks.set(String(r[0]), [...(ranks.get(String(r[0])) ?? []), Number(r[3])]);
      return ranks;
    };
    const users = perUser(onSpark.rows);
    expect([...users.keys()].sort()).toEqual([...perUser(cli.rows).keys()].sort());
    for (const ranks of users.values()) expect(ranks.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('playlists: Spark’s implicit ALS gives a hit-rate@10 within 10% of the CLI’s', async () => {
    const als = await exported('playlists', 'metrics.parquet');
    console.log(`playlists hit-rate@10: CLI ${als.cli.hit_rate_at_k}, Spark ${als.spark.hit_rate_at_k}; NDCG@10 CLI ${als.cli.ndcg_at_k}, Spark ${als.spark.ndcg_at_k}`);
    expect(relative(als.spark.hit_rate_at_k, als.cli.hit_rate_at_k)).toBeLessThan(0.1);
    // The popularity baseline involves no training: the same rows, so the same metrics.
    const popular = await exported('playlists', 'popular.parquet');
    expect(rowDifferences([Object.values(popular.cli)], [Object.values(popular.spark)])).toEqual([]);
  });
});
