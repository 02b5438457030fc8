import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordinalBlock } from './definition';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // rock ×3, jazz ×2, pop ×2 (a tie: alphabetical breaks it), blues ×1, and one NULL.
  await db.sql(
    `CREATE TABLE t AS SELECT * FROM (VALUES (1, 'rock'), (2, 'pop'), (3, 'jazz'), (4, 'rock'), (5, 'pop'), (6, 'jazz'), (7, 'rock'), (8, 'blues'), (9, NULL)) v(id, genre)`,
  );
  await db.sql(`CREATE TABLE fresh AS SELECT * FROM (VALUES (1, 'rock'), (2, 'metal'), (3, NULL), (4, 'pop')) v(id, genre)`);
});
afterAll(() => db.close());

const ordinal = (params: Record<string, unknown> = {}, fitted?: unknown) => ({
  kind: 'ordinal' as const,
  params: { column: 'genre', ...params },
  ...(fitted !== undefined ? { fitted } : {}),
});

const genres = (rows: Record<string, unknown>[] | undefined) => rows!.map((r) => r.genre);

describe('ordinal', () => {
  it.each([
    ['frequency', ['rock', 'jazz', 'pop', 'blues'], [0, 2, 1, 0, 2, 1, 0, 3, null]],
    ['alphabetical', ['blues', 'jazz', 'pop', 'rock'], [3, 2, 1, 3, 2, 1, 3, 0, null]],
  ])('order: %s fits %o and replaces the column with its index', async (order, labels, indices) => {
    const r = await runBlock(db, ordinal({ order }), { in: 't' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ labels });
    expect(r.columns.out).toEqual(['id', 'genre']);
    expect(genres(r.outputs.out)).toEqual(indices);
  });

  it('writes an INTEGER', async () => {
    await runBlock(db, ordinal(), { in: 't' });
    expect(await db.rows(`SELECT DISTINCT typeof(genre) AS t FROM block_result`)).toEqual([{ t: 'INTEGER' }]);
  });

  it.each([
    ['keep', [0, 2, null, 1]],
    ['ignore', [0, null, null, 1]],
  ])('unknown: %s', async (unknown, indices) => {
    const r = await runBlock(db, ordinal({ unknown }, { labels: ['rock', 'pop'] }), { in: 'fresh' }, { orderBy: 'all' });
    expect(genres(r.outputs.out)).toEqual(indices);
  });

  it('unknown: error stops with E_UNKNOWN_CATEGORY naming the column and value', async () => {
    const run = runBlock(db, ordinal({ unknown: 'error' }, { labels: ['rock', 'pop'] }), { in: 'fresh' });
    await expect(run).rejects.toMatchObject({ code: 'E_UNKNOWN_CATEGORY', blockId: 'b' });
    await expect(run).rejects.toThrow(/Column "genre".*"metal"/);
  });

  it('unknown: error passes data with only known values and NULLs', async () => {
    const r = await runBlock(db, ordinal({ unknown: 'error' }, { labels: ['rock', 'pop', 'jazz', 'blues'] }), { in: 't' });
    expect(r.outputs.out).toHaveLength(9);
  });

  it('maxLabels keeps the most frequent; the rest are unknown', async () => {
    const r = await runBlock(db, ordinal({ maxLabels: 2 }), { in: 't' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ labels: ['rock', 'jazz'] });
    expect(genres(r.outputs.out)).toEqual([0, 2, 1, 0, 2, 1, 0, 2, null]);
  });

  it('with no labels, every value is unknown', async () => {
    const r = await runBlock(db, ordinal({}, { labels: [] }), { in: 'fresh' }, { orderBy: 'all' });
    expect(genres(r.outputs.out)).toEqual([0, 0, null, 0]);
  });

  it('outputColumn appends the index and keeps the column', async () => {
    const r = await runBlock(db, ordinal({ outputColumn: 'genre_index' }), { in: 't' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'genre', 'genre_index']);
    expect(r.outputs.out![7]).toEqual({ id: 8, genre: 'blues', genre_index: 3 });
  });

  it('encodes a numeric column by its text', async () => {
    await db.sql(`CREATE OR REPLACE TABLE nums AS SELECT * FROM (VALUES (10), (10), (2), (NULL)) v(n)`);
    const r = await runBlock(db, ordinal({ column: 'n', order: 'alphabetical' }), { in: 'nums' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ labels: ['10', '2'] });
    expect(r.outputs.out!.map((row) => row.n)).toEqual([0, 0, 1, null]);
  });

  it.each([
    [{ column: 'nope' }, 'E_COLUMN_MISSING'],
    [{ outputColumn: 'id' }, 'E_COLUMN_EXISTS'],
  ])('rejects %o with %s', async (params, code) => {
    await expect(runBlock(db, ordinal(params), { in: 't' })).rejects.toMatchObject({ code });
  });

  it('refuses to compile without fitted labels (E_NOT_FITTED)', () => {
    const input = { ref: 't', columns: [{ name: 'genre', type: 'VARCHAR' }] };
    const params = ordinalBlock.params.parse({ column: 'genre' });
    expect(() => ordinalBlock.compile({ blockId: 'b', params, inputs: { in: input }, fitted: undefined, files: { inputPath: (n) => n } })).toThrow(
      expect.objectContaining({ code: 'E_NOT_FITTED' }),
    );
  });

  it('handles column names and labels with spaces, quotes and unicode', async () => {
    await db.sql(`CREATE OR REPLACE TABLE odd AS SELECT * FROM (VALUES ('it''s'), ('a"b'), ('ü'), ('ü')) v("g ""x"" ü")`);
    const r = await runBlock(db, ordinal({ column: 'g "x" ü', outputColumn: 'idx "ü"' }), { in: 'odd' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ labels: ['ü', 'a"b', "it's"] });
    expect(r.outputs.out).toEqual([
      { 'g "x" ü': 'a"b', 'idx "ü"': 1 },
      { 'g "x" ü': "it's", 'idx "ü"': 2 },
      { 'g "x" ü': 'ü', 'idx "ü"': 0 },
      { 'g "x" ü': 'ü', 'idx "ü"': 0 },
    ]);
  });
});
