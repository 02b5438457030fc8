import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../testing/run-cli-in-process';

/** `wrangle pyspark` without Spark: what the job says and what it refuses. The rows are the Spark tier's (*.spark.test.ts). */

const dir = mkdtempSync(join(tmpdir(), 'wrangle-pyspark-'));

function flowWith(blocks: object[], edges: [string, string, string, string][]): string {
  const path = join(dir, `flow-${Math.random().toString(36).slice(2)}.json`);
  const flow = { format: 'wrangle-flow', version: 1, name: 'Spark test', blocks, edges: edges.map(([fb, fp, tb, tp]) => ({ from: { block: fb, port: fp }, to: { block: tb, port: tp } })) };
  writeFileSync(path, JSON.stringify(flow));
  return path;
}

const tracks = { id: 'tracks', kind: 'import', label: 'Tracks', params: { input: 'tracks', file: 'tracks.csv' } };

describe('wrangle pyspark', () => {
  it('writes one function per block, named after it, with its label and settings in a comment', async () => {
    const out = join(dir, 'music.py');
    const flow = flowWith(
      [tracks, { id: 'dance-ability', kind: 'formula', label: 'Danceability', params: { column: 'd', expression: '0.3*valence + 0.1*energy' } }, { id: 'save', kind: 'export', params: { file: 'd.csv' } }],
      [['tracks', 'out', 'dance-ability', 'in'], ['dance-ability', 'out', 'save', 'in']],
    );
    const r = await runCliInProcess(['pyspark', flow, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const job = readFileSync(out, 'utf8');
    expect(job).toContain('def dance_ability(spark, args, df):');
    expect(job).toContain('# Danceability (formula block "dance-ability")');
    expect(job).toContain('#   expression: "0.3*valence + 0.1*energy"');
    expect(job).toContain('F.expr("((0.3 * `valence`) + (0.1 * `energy`))")');
    expect(job).toContain('INPUTS = {"tracks": "tracks.csv"}');
    expect(job).toMatch(/spark-submit job\.py --input tracks=s3:\/\/bucket\/tracks\.csv --out s3:\/\/bucket\/out\//);
  });

  it.each([
    ['a DuckDB-only function', 'md5_number(genre) % 2', 'the function md5_number', 'position 0 (line 1, column 1)'],
    ['a DuckDB-only function further in', 'energy + list_sum([1, 2])', 'the function list_sum', 'position 9 (line 1, column 10)'],
    ['a subquery', 'energy > (SELECT 1)', 'the construct SUBQUERY', 'position 9'],
  ])('refuses %s with E_SPARK_UNSUPPORTED naming the block, the function and where it is', async (_, expression, what, where) => {
    const flow = flowWith(
      [tracks, { id: 'odd_tracks', kind: 'formula', params: { column: 'odd', expression } }],
      [['tracks', 'out', 'odd_tracks', 'in']],
    );
    const r = await runCliInProcess(['pyspark', flow]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('block "odd_tracks": E_SPARK_UNSUPPORTED');
    expect(r.stderr).toContain(what);
    expect(r.stderr).toContain(where);
  });

  it('refuses a kind without an emitter, naming the block', async () => {
    const flow = flowWith([tracks, { id: 'pandas_step', kind: 'unsupported', params: { operator: 'custom_pandas' } }], [['tracks', 'out', 'pandas_step', 'in']]);
    const r = await runCliInProcess(['pyspark', flow]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/block "pandas_step": E_SPARK_UNSUPPORTED: .*the unsupported block/);
  });

  it.each([
    ['an unnamed expression', 'SELECT avg(energy) FROM df', 'an expression without a name', 'position 7 (line 1, column 8)'],
    ['a sum (a HUGEINT in DuckDB)', 'SELECT genre,\n  sum(energy) AS e FROM df GROUP BY genre', 'the function sum', 'position 16 (line 2, column 3)'],
    ['a window function', 'SELECT row_number() OVER () AS r FROM df', 'the construct WINDOW', 'position 7'],
    ['a table that is not an input', 'SELECT * FROM ratings', 'the table ratings', 'position 14'],
    ['EXCLUDE', 'SELECT * EXCLUDE (genre) FROM df', 'the * with EXCLUDE', 'position 7'],
    ['QUALIFY', 'SELECT genre AS g FROM df QUALIFY g > 1', 'the QUALIFY clause', 'query "SELECT genre'],
  ])('refuses a sql block with %s, naming the block, the construct and where it is', async (_, query, what, where) => {
    const flow = flowWith([tracks, { id: 'my_query', kind: 'sql', params: { query } }], [['tracks', 'out', 'my_query', 'df']]);
    const r = await runCliInProcess(['pyspark', flow]);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stderr).toContain('block "my_query": E_SPARK_UNSUPPORTED');
    expect(r.stderr).toContain(what);
    expect(r.stderr).toContain(where);
  });

  it('writes a sql block as Spark SQL over its inputs, registered as views', async () => {
    const flow = flowWith(
      [tracks, { id: 'top-genres', kind: 'sql', params: { query: 'SELECT genre, count(*) AS n FROM df WHERE energy > 0.5 GROUP BY genre ORDER BY n DESC' } }],
      [['tracks', 'out', 'top-genres', 'df']],
    );
    const r = await runCliInProcess(['pyspark', flow]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('port_0.createOrReplaceTempView("wrangle_top_genres_df")');
    expect(r.stdout).toContain('return spark.sql("SELECT `genre`, count(*) AS `n` FROM `wrangle_top_genres_df` AS `df` WHERE (`energy` > 0.5) GROUP BY `genre` ORDER BY `n` DESC NULLS LAST")');
  });

  const ratings = { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv' } };
  const model = { userColumn: 'userId', itemColumn: 'movieId', ratingColumn: 'rating', bias: { global: true, user: true, item: true } };

  it('trains ALS with Spark ML and says, in the job and on stderr, how bias terms differ', async () => {
    const out = join(dir, 'als.py');
    const flow = flowWith([ratings, { id: 'train', kind: 'train-als', params: { ...model, rank: 4, maxIter: 7 } }], [['ratings', 'out', 'train', 'ratings']]);
    const r = await runCliInProcess(['pyspark', flow, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const job = readFileSync(out, 'utf8');
    expect(job).toContain('ALS(userCol="user", itemCol="item", ratingCol="rating", rank=4, maxIter=7, regParam=0.1, alpha=1, implicitPrefs=False, nonnegative=False, seed=42)');
    expect(job).toContain('fit_biases(data, 0.1, 7, {"global": True, "user": True, "item": True})');
    expect(job).toMatch(/# Differs from wrangle run: bias .*Spark's ALS has no bias terms/);
    expect(job.match(/^def model_ratings\(/gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/note: block "train" differs on Spark: bias .*fits biases and factors together/);
  });

  it('tunes with CrossValidator over the grid in ascending order, on the CLI’s md5 folds', async () => {
    const out = join(dir, 'tune.py');
    const params = { ...model, bias: undefined, folds: 4, seed: 9, grid: { rank: [10, 5], regParam: [0.2, 0.05] } };
    const flow = flowWith([ratings, { id: 'tune', kind: 'tune', params }], [['ratings', 'out', 'tune', 'ratings']]);
    const r = await runCliInProcess(['pyspark', flow, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const job = readFileSync(out, 'utf8');
    expect(job).toContain('model_ratings(ratings, "userId", "movieId", "rating", folds=(4, 9))');
    expect(job).toContain('addGrid(als.rank, [5, 10]).addGrid(als.regParam, [0.05, 0.2])');
    expect(job).toContain('CrossValidator(estimator=als, estimatorParamMaps=grid, evaluator=evaluator, numFolds=4, foldCol="fold", collectSubModels=True)');
    expect(job).toContain('RegressionEvaluator(metricName="rmse"');
  });

  it('refuses tuning bias terms, naming the block and the setting', async () => {
    const flow = flowWith([ratings, { id: 'tune_biased', kind: 'tune', params: model }], [['ratings', 'out', 'tune_biased', 'ratings']]);
    const r = await runCliInProcess(['pyspark', flow]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/block "tune_biased": E_SPARK_UNSUPPORTED: .*bias .*refitted inside every fold/);
  });

  it('is in --help with an example', async () => {
    const r = await runCliInProcess(['--help']);
    expect(r.stdout).toContain('pyspark FLOW');
    const own = await runCliInProcess(['pyspark', '--help']);
    expect(own.stdout).toContain('spark-submit job.py --input tracks=s3://');
  });
});
