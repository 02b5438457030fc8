import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { blockRegistry } from '../registry';

let db: TestDb;
const path = (name: string) => join(db.dir, name);

beforeAll(async () => {
  db = await openTestDb();
  writeFileSync(path('people.csv'), 'id,code,name,score\n007,42,Ann,1.5\n010,43,Bob,2\n');
  writeFileSync(path('people.tsv'), 'id\tname\tscore\n1\tAnn\t1.5\n2\tBob\t2\n');
  writeFileSync(path('people-semi.csv'), 'id;name;score\n1;Ann;1.5\n2;Bob;2\n');
  const gen = `SELECT i AS id, 'n' || i AS name, CAST(i AS DOUBLE) * 0.5 AS score FROM range(1, 3) t(i)`;
  await db.sql(`COPY (${gen}) TO '${path('people.parquet')}' (FORMAT parquet)`);
  await db.sql(`COPY (${gen}) TO '${path('people.jsonl')}' (FORMAT json)`);
  await db.sql(`COPY (${gen}) TO '${path('people.json')}' (FORMAT json, ARRAY true)`);
  await db.sql(`COPY (SELECT i AS id, i % 7 AS g FROM range(10000) t(i)) TO '${path('big.csv')}' (FORMAT csv, HEADER true)`);
});
afterAll(() => db.close());

const importBlock = (file: string, extra: Record<string, unknown> = {}) => ({
  kind: 'import' as const,
  params: { input: 'src', file, ...extra },
});
const run = (file: string, extra: Record<string, unknown> = {}) =>
  runBlock(db, importBlock(file, extra), {}, { inputPaths: { src: path(file) }, orderBy: 'all' });

describe('import', () => {
  it.each([
    ['people.tsv', { format: 'tsv' }],
    ['people-semi.csv', { csv: { delimiter: ';' } }],
  ])('reads %s with its dialect', async (file, extra) => {
    const r = await run(file, extra);
    expect(r.columns.out).toEqual(['id', 'name', 'score']);
    expect(r.outputs.out).toEqual([
      { id: 1, name: 'Ann', score: 1.5 },
      { id: 2, name: 'Bob', score: 2 },
    ]);
  });

  it('reads a CSV with a header, sniffing numbers', async () => {
    const r = await run('people.csv');
    expect(r.columns.out).toEqual(['id', 'code', 'name', 'score']);
    // DuckDB's sniffer already reads numbers with leading zeros as text.
    expect(r.outputs.out).toEqual([
      { id: '007', code: 42, name: 'Ann', score: 1.5 },
      { id: '010', code: 43, name: 'Bob', score: 2 },
    ]);
  });

  it('reads csv.textColumns as text, keeping 007', async () => {
    const r = await run('people.csv', { csv: { textColumns: ['id', 'code'] } });
    expect(r.outputs.out!.map((row) => [row.id, row.code])).toEqual([
      ['007', '42'],
      ['010', '43'],
    ]);
    const types = await db.rows(`SELECT column_name, column_type FROM (DESCRIBE block_result) WHERE column_name IN ('id', 'code') ORDER BY 1`);
    expect(types).toEqual([
      { column_name: 'code', column_type: 'VARCHAR' },
      { column_name: 'id', column_type: 'VARCHAR' },
    ]);
  });

  it.each([
    ['people.parquet', 'parquet'],
    ['people.json', 'json'],
    ['people.jsonl', 'jsonl'],
  ])('reads %s as %s', async (file, format) => {
    const r = await run(file, { format });
    expect(r.outputs.out).toEqual([
      { id: 1, name: 'n1', score: 0.5 },
      { id: 2, name: 'n2', score: 1 },
    ]);
  });

  it('numbers rows by their position in the file, when asked', async () => {
    const r = await run('big.csv', { rowNumber: 'position' });
    expect(r.columns.out).toEqual(['id', 'g', 'position']);
    const rows = r.outputs.out!;
    expect(rows).toHaveLength(10000);
    // The file lists ids 0, 1, 2, … in order: every row's position is its id + 1.
    expect(rows.every((row) => row.position === Number(row.id) + 1)).toBe(true);
  });

  it.each([
    ['people.csv', 'csv', 'NAME'],
    ['people.parquet', 'parquet', 'Score'],
    ['people.jsonl', 'jsonl', 'ID'],
  ])('refuses a row-number column that a column of %s already has in another case', async (file, format, rowNumber) => {
    await expect(run(file, { format, rowNumber })).rejects.toMatchObject({ code: 'E_COLUMN_EXISTS', args: { column: rowNumber } });
  });

  it('takes a row-number name that differs from a column beyond ASCII case', async () => {
    writeFileSync(path('accents.csv'), 'é,v\n1,2\n');
    const r = await run('accents.csv', { rowNumber: 'É' });
    expect(r.columns.out).toEqual(['é', 'v', 'É']);
  });

  it('samples the first k rows', async () => {
    const r = await run('big.csv', { sampling: { mode: 'first', rows: 25 } });
    expect(r.outputs.out).toHaveLength(25);
  });

  describe('seeded fraction sampling', () => {
    const sample = (seed: number) => run('big.csv', { sampling: { mode: 'fraction', fraction: 0.25, seed } });

    it('keeps the fraction asked for, within 0.02', async () => {
      const r = await sample(1);
      expect(Math.abs(r.outputs.out!.length / 10000 - 0.25)).toBeLessThanOrEqual(0.02);
    });

    it('gives identical rows for the same seed and different rows for another', async () => {
      const ids = async (seed: number) => (await sample(seed)).outputs.out!.map((row) => row.id);
      const [a, b, c] = [await ids(1), await ids(1), await ids(2)];
      expect(a).toEqual(b);
      expect(c).not.toEqual(a);
    });
  });

  describe('params', () => {
    it.each(['../x.csv', '/etc/passwd', 'dir\\x.csv', '..', '.'])('refuses the file name %j', (file) => {
      expect(blockRegistry.import.params.safeParse({ input: 'src', file }).success).toBe(false);
    });

    it('accepts a bare file name and fills the defaults', () => {
      const p = blockRegistry.import.params.parse({ input: 'src', file: 'x.csv' });
      expect(p).toEqual({ input: 'src', file: 'x.csv', format: 'csv', csv: {}, sampling: { mode: 'none' } });
    });
  });
});
