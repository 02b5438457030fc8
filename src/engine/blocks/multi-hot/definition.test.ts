import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // Rows having each label: Comedy 3, Action 2 (row 6 repeats it), Drama 2, Sci-Fi 1.
  await db.sql(`CREATE TABLE movies AS SELECT * FROM (VALUES
    (1, 'Action|Comedy'), (2, 'Comedy'), (3, ' Drama | Comedy '), (4, '(no genres listed)'), (5, NULL), (6, 'Action|Action'), (7, 'Drama|Sci-Fi')
  ) v(id, genres)`);
});
afterAll(() => db.close());

const multiHot = (params: Record<string, unknown> = {}, fitted?: unknown) => ({
  kind: 'multi-hot' as const,
  params: { column: 'genres', ...params },
  ...(fitted !== undefined ? { fitted } : {}),
});

/** Each row as its 0/1 flags, in column order. */
const flags = (rows: Record<string, unknown>[] | undefined, skip = 1) => rows!.map((r) => Object.values(r).slice(skip));

describe('multi-hot', () => {
  it('fits trimmed labels by the number of rows having them, ties alphabetical, skipping the placeholder', async () => {
    const r = await runBlock(db, multiHot(), { in: 'movies' });
    expect(r.fitted).toEqual({ labels: ['Comedy', 'Action', 'Drama', 'Sci-Fi'] });
  });

  it('appends one 0/1 column per label and drops the input; NULL is all zeros', async () => {
    const r = await runBlock(db, multiHot(), { in: 'movies' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'genres_Comedy', 'genres_Action', 'genres_Drama', 'genres_Sci-Fi']);
    expect(flags(r.outputs.out)).toEqual([
      [1, 1, 0, 0],
      [1, 0, 0, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 1],
    ]);
    expect(await db.rows(`SELECT DISTINCT typeof("genres_Comedy") AS t FROM block_result`)).toEqual([{ t: 'INTEGER' }]);
  });

  it.each([
    [{ dropInput: false, prefix: 'is ' }, ['id', 'genres', 'is Comedy', 'is Action', 'is Drama', 'is Sci-Fi']],
    [{ ignoreLabels: [] }, ['id', 'genres_Comedy', 'genres_Action', 'genres_Drama', 'genres_(no genres listed)', 'genres_Sci-Fi']],
    [{ maxLabels: 2 }, ['id', 'genres_Comedy', 'genres_Action']],
  ])('%o gives columns %o', async (params, columns) => {
    const r = await runBlock(db, multiHot(params), { in: 'movies' });
    expect(r.columns.out).toEqual(columns);
  });

  it('splits at any delimiter, taken literally', async () => {
    await db.sql(`CREATE OR REPLACE TABLE tags AS SELECT * FROM (VALUES ('a.b'), ('b'), ('a.b.c')) v(t)`);
    const r = await runBlock(db, multiHot({ column: 't', delimiter: '.' }), { in: 'tags' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ labels: ['b', 'a', 'c'] });
    expect(flags(r.outputs.out, 0)).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [1, 1, 1],
    ]);
  });

  it('applies stored labels to new data: unseen tokens get no column', async () => {
    const r = await runBlock(db, multiHot({}, { labels: ['Drama', 'Western'] }), { in: 'movies' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'genres_Drama', 'genres_Western']);
    expect(flags(r.outputs.out)).toEqual([[0, 0], [0, 0], [1, 0], [0, 0], [0, 0], [0, 0], [1, 0]]);
  });

  it.each([
    [{ column: 'nope' }, 'E_COLUMN_MISSING'],
    [{ dropInput: false, prefix: '' }, 'E_COLUMN_EXISTS'],
  ])('rejects %o with %s', async (params, code) => {
    await db.sql(`CREATE OR REPLACE TABLE clash AS SELECT 'genres|x' AS genres`);
    await expect(runBlock(db, multiHot(params), { in: 'clash' })).rejects.toMatchObject({ code });
  });

  it('an input column with the helper column name does not get in the way', async () => {
    await db.sql(`CREATE OR REPLACE TABLE helper AS SELECT 7 AS __wrangle_tokens, 'a|b' AS genres`);
    const r = await runBlock(db, multiHot(), { in: 'helper' });
    expect(r.outputs.out).toEqual([{ __wrangle_tokens: 7, genres_a: 1, genres_b: 1 }]);
  });

  it('a column named like the lambda variable works', async () => {
    await db.sql(`CREATE OR REPLACE TABLE lam AS SELECT 'x|y' AS token`);
    const r = await runBlock(db, multiHot({ column: 'token' }), { in: 'lam' });
    expect(r.outputs.out).toEqual([{ token_x: 1, token_y: 1 }]);
  });

  it('handles column names and labels with spaces, quotes and unicode', async () => {
    await db.sql(`CREATE OR REPLACE TABLE odd AS SELECT * FROM (VALUES ('it''s|a"b'), ('ü')) v("g ""x"" ü")`);
    const r = await runBlock(db, multiHot({ column: 'g "x" ü' }), { in: 'odd' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ labels: ['a"b', "it's", 'ü'] });
    expect(r.outputs.out).toEqual([
      { 'g "x" ü_a"b': 0, 'g "x" ü_it\'s': 0, 'g "x" ü_ü': 1 },
      { 'g "x" ü_a"b': 1, 'g "x" ü_it\'s': 1, 'g "x" ü_ü': 0 },
    ]);
  });
});
