import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { describeCsv, fixturesDir, goldenPath, type GoldenFile } from '../../testing/goldens';
import { repoRoot, runCli } from '../../testing/run-cli';
import { blockOf, musicFlow, writeFlow } from './flow-variants';

const flow = join(fixturesDir, 'music-recommendation.flow.json');
const data = join(repoRoot, 'sample-data', 'music');
const golden = JSON.parse(readFileSync(goldenPath('music-recommendation.flow.json'), 'utf8')) as Record<string, GoldenFile>;

describe('wrangle sql', () => {
  it('prints one script that, run in a plain DuckDB, writes the same files as wrangle run', async () => {
    const out = mkdtempSync(join(tmpdir(), 'sql-out-'));
    const r = await runCli(['sql', flow, '--data', data, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^-- Music recommendation/);
    expect(r.stdout).toContain('COPY (');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(r.stdout);
    connection.closeSync();
    db.closeSync();
    // The workshop's exports are SQL end to end; the model's (metrics, recommendations) are trained outside SQL.
    for (const file of ['train.csv', 'test.csv']) expect(describeCsv(join(out, file)), file).toEqual(golden[file]);
    expect(r.stdout).toContain('-- block "als_train" (train-als) runs outside SQL');
  });
});

describe('wrangle validate', () => {
  it('accepts the music flow and lists its inputs', async () => {
    const r = await runCli(['validate', flow]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ratings (ratings.csv)');
  });

  it('with data, compiles every block and finds a missing column', async () => {
    expect((await runCli(['validate', flow, '--data', data])).code).toBe(0);
    const broken = musicFlow();
    blockOf(broken, 'five_star_avg').params.groupBy = ['user'];
    const { path } = writeFlow(broken);
    const r = await runCli(['validate', path, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_COLUMN_MISSING');
    expect(r.stderr).toContain('five_star_avg');
  });
});

describe('wrangle run options', () => {
  it('--json prints a summary of blocks, rows, seconds and outputs', async () => {
    const out = mkdtempSync(join(tmpdir(), 'json-out-'));
    const r = await runCli(['run', flow, '--data', data, '--out', out, '--force', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ ok: true, engine: 'duckdb v1.4.3' });
    expect(summary.blocks).toHaveLength(21);
    expect(summary.outputs.map((o: { file: string }) => o.file)).toEqual(['train.csv', 'test.csv', 'metrics.json', 'recommendations.csv', 'item_factors.parquet', 'user_factors.parquet']);
    expect(summary.blocks.find((b: { id: string }) => b.id === 'als_train').model).toMatchObject({ users: 1000, iterations: 10, backend: expect.stringMatching(/^wasm SIMD/) });
    expect(summary.peakMemoryMiB).toBeGreaterThan(0);
  });

  it('--format parquet writes Parquet files with the same rows', async () => {
    const out = mkdtempSync(join(tmpdir(), 'parquet-out-'));
    const r = await runCli(['run', flow, '--data', data, '--out', out, '--format', 'parquet']);
    expect(r.code, r.stderr).toBe(0);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const rows = await c.runAndReadAll(`SELECT count(*) AS n FROM read_parquet('${join(out, 'train.parquet')}')`);
    expect(Number(rows.getRowObjects()[0]!.n)).toBe(golden['train.csv']!.rows);
    c.closeSync();
    db.closeSync();
  });

  it('refuses to overwrite an existing output without --force', async () => {
    const { path, out } = writeFlow(musicFlow());
    expect((await runCli(['run', path, '--data', data, '--out', out])).code).toBe(0);
    const again = await runCli(['run', path, '--data', data, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('E_OUTPUT_EXISTS');
    expect(again.stderr).toContain('--force');
  });

  it('--save-flow stores the fitted state, and --input maps one input explicitly', async () => {
    const unfitted = musicFlow();
    delete blockOf(unfitted, 'genre_onehot').fitted;
    const { path, out, dir } = writeFlow(unfitted);
    const saved = join(dir, 'fitted.flow.json');
    const r = await runCli(['run', path, '--data', data, '--input', `tracks=${join(data, 'tracks.csv')}`, '--out', out, '--save-flow', saved]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(saved)).toBe(true);
    const labels = (JSON.parse(readFileSync(saved, 'utf8')) as ReturnType<typeof musicFlow>).blocks.find((b) => b.id === 'genre_onehot')!.fitted;
    expect(labels).toEqual(blockOf(musicFlow(), 'genre_onehot').fitted);
  });
});
