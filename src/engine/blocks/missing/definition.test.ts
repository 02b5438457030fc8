import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // x: NULL and NaN are both missing; finite values 1, 4, 7. n: 10, 20, 20, 30. s and d: two-way ties for the mode.
  await db.sql(`CREATE TABLE t (id INTEGER, x DOUBLE, n BIGINT, s VARCHAR, d DATE, b BOOLEAN)`);
  await db.sql(`INSERT INTO t VALUES
    (1, 1.0, 10, 'b', '2020-01-03', true),
    (2, NULL, 20, 'a', NULL, false),
    (3, 'nan', NULL, 'b', '2020-01-01', NULL),
    (4, 4.0, 20, NULL, '2020-01-03', true),
    (5, 7.0, 30, 'a', '2020-01-01', true)`);
});
afterAll(() => db.close());

const missing = (params: Record<string, unknown>, fitted?: unknown) => ({
  kind: 'missing' as const,
  params,
  ...(fitted !== undefined ? { fitted } : {}),
});

const column = (rows: Record<string, unknown>[] | undefined, name: string) => rows!.map((r) => r[name]);

describe('missing', () => {
  it.each([
    ['constant', { value: 0 }, [1, 0, 0, 4, 7]],
    ['mean', {}, [1, 4, 4, 4, 7]],
    ['median', {}, [1, 4, 4, 4, 7]],
    ['mode', {}, [1, 1, 1, 4, 7]],
  ])('%s fills NULL and NaN in a DOUBLE column', async (strategy, extra, xs) => {
    const r = await runBlock(db, missing({ columns: ['x'], strategy, ...extra }), { in: 't' }, { orderBy: 'all' });
    expect(column(r.outputs.out, 'x')).toEqual(xs);
    expect(r.columns.out).toEqual(['id', 'x', 'n', 's', 'd', 'b']);
  });

  it('drop-rows drops rows where any chosen column is missing', async () => {
    const r = await runBlock(db, missing({ columns: ['x', 'n'], strategy: 'drop-rows' }), { in: 't' }, { orderBy: 'all' });
    expect(column(r.outputs.out, 'id')).toEqual([1, 4, 5]);
  });

  it('fits one value per column, in column order', async () => {
    const r = await runBlock(db, missing({ columns: ['n', 'x'], strategy: 'mean' }), { in: 't' });
    expect(r.fitted).toEqual({ values: { n: 20, x: 4 } });
    expect(Object.keys((r.fitted as { values: object }).values)).toEqual(['n', 'x']);
  });

  it('mode: ties go to the smallest value, whatever the type', async () => {
    const r = await runBlock(db, missing({ columns: ['x', 'n', 's', 'd', 'b'], strategy: 'mode' }), { in: 't' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ values: { x: 1, n: 20, s: 'a', d: '2020-01-01', b: 'true' } });
    expect(r.outputs.out).toEqual([
      { id: 1, x: 1, n: 10, s: 'b', d: '2020-01-03', b: true },
      { id: 2, x: 1, n: 20, s: 'a', d: '2020-01-01', b: false },
      { id: 3, x: 1, n: 20, s: 'b', d: '2020-01-01', b: true },
      { id: 4, x: 4, n: 20, s: 'a', d: '2020-01-03', b: true },
      { id: 5, x: 7, n: 30, s: 'a', d: '2020-01-01', b: true },
    ]);
  });

  it('mean and median fill an integer column as DOUBLE; other strategies keep its type', async () => {
    for (const [strategy, type] of [
      ['mean', 'DOUBLE'],
      ['median', 'DOUBLE'],
      ['mode', 'BIGINT'],
    ]) {
      const r = await runBlock(db, missing({ columns: ['n'], strategy }), { in: 't' }, { orderBy: 'all' });
      expect(column(r.outputs.out, 'n')).toEqual([10, 20, 20, 20, 30]);
      expect(await db.rows(`SELECT DISTINCT typeof(n) AS t FROM block_result`)).toEqual([{ t: type }]);
    }
  });

  it.each([
    ['n', '5', [10, 20, 5, 20, 30]],
    ['s', 'none', ['b', 'a', 'b', 'none', 'a']],
    ['s', 7, ['b', 'a', 'b', '7', 'a']],
    ['b', false, [true, false, false, true, true]],
    ['d', '1999-12-31', ['2020-01-03', '1999-12-31', '2020-01-01', '2020-01-03', '2020-01-01']],
  ])('constant: %s filled with %o takes the column type', async (name, value, filledColumn) => {
    const r = await runBlock(db, missing({ columns: [name], strategy: 'constant', value }), { in: 't' }, { orderBy: 'all' });
    expect(column(r.outputs.out, name)).toEqual(filledColumn);
  });

  it('indicator adds <column>_missing after each column', async () => {
    const r = await runBlock(db, missing({ columns: ['x', 's'], strategy: 'mode', indicator: true }), { in: 't' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'x', 'x_missing', 'n', 's', 's_missing', 'd', 'b']);
    expect(column(r.outputs.out, 'x_missing')).toEqual([0, 1, 1, 0, 0]);
    expect(column(r.outputs.out, 's_missing')).toEqual([0, 0, 0, 1, 0]);
  });

  it('applies stored values to new data as they are', async () => {
    const r = await runBlock(db, missing({ columns: ['x'], strategy: 'mean' }, { values: { x: 100 } }), { in: 't' }, { orderBy: 'all' });
    expect(column(r.outputs.out, 'x')).toEqual([1, 100, 100, 4, 7]);
  });

  it.each(['mean', 'median', 'mode'])('%s: a column with no values at all fits NULL and stays missing', async (strategy) => {
    await db.sql(`CREATE OR REPLACE TABLE empty AS SELECT * FROM (VALUES (1, NULL::DOUBLE), (2, 'nan')) v(id, x)`);
    const r = await runBlock(db, missing({ columns: ['x'], strategy }), { in: 'empty' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ values: { x: null } });
    expect(column(r.outputs.out, 'x')).toEqual([null, null]);
  });

  it('mode keeps infinity, which JSON cannot hold as a number', async () => {
    await db.sql(`CREATE OR REPLACE TABLE inf AS SELECT * FROM (VALUES ('inf'::DOUBLE), ('inf'), (NULL), (2)) v(x)`);
    const r = await runBlock(db, missing({ columns: ['x'], strategy: 'mode' }), { in: 'inf' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ values: { x: 'Infinity' } });
    expect(column(r.outputs.out, 'x')).toEqual([2, Infinity, Infinity, Infinity]);
  });

  it.each([
    [{ columns: ['nope'], strategy: 'mode' }, 'E_COLUMN_MISSING', /"nope" does not exist/],
    [{ columns: ['s'], strategy: 'mean' }, 'E_PARAMS_INVALID', /mean needs a numeric column; "s" is VARCHAR/],
    [{ columns: ['d'], strategy: 'median' }, 'E_PARAMS_INVALID', /numeric/],
    [{ columns: ['x'], strategy: 'constant' }, 'E_PARAMS_INVALID', /needs a value/],
    [{ columns: ['n'], strategy: 'constant', value: 'lots' }, 'E_PARAMS_INVALID', /"lots" does not fit/],
    [{ columns: ['x', 'x'], strategy: 'mode' }, 'E_PARAMS_INVALID', /listed twice/],
  ])('rejects %o with %s', async (params, code, message) => {
    await expect(runBlock(db, missing(params), { in: 't' })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('refuses an indicator name that already exists (E_COLUMN_EXISTS)', async () => {
    await db.sql(`CREATE OR REPLACE TABLE clash AS SELECT 1 AS x, 0 AS x_missing`);
    const run = runBlock(db, missing({ columns: ['x'], strategy: 'drop-rows', indicator: true }), { in: 'clash' });
    await expect(run).rejects.toMatchObject({ code: 'E_COLUMN_EXISTS' });
  });

  it('refuses to fill a nested type, whose name it will not write into SQL, but drops its rows', async () => {
    await db.sql(`CREATE OR REPLACE TABLE nested AS SELECT * FROM (VALUES ([1, 2]), (NULL)) v(xs)`);
    await expect(runBlock(db, missing({ columns: ['xs'], strategy: 'mode' }), { in: 'nested' })).rejects.toMatchObject({ code: 'E_PARAMS_INVALID' });
    const r = await runBlock(db, missing({ columns: ['xs'], strategy: 'drop-rows' }), { in: 'nested' });
    expect(r.outputs.out).toHaveLength(1);
  });

  it('columns named like the query internals (lambda variables, aliases) do not get in the way', async () => {
    await db.sql(`CREATE OR REPLACE TABLE internals AS SELECT * FROM (VALUES (1, 2.0::DOUBLE, 3), (1, NULL, NULL), (5, 4.0, 3)) v(entry, value_0, lo_0)`);
    const mode = await runBlock(db, missing({ columns: ['entry', 'lo_0'], strategy: 'mode' }), { in: 'internals' });
    expect(mode.fitted).toEqual({ values: { entry: 1, lo_0: 3 } });
    const mean = await runBlock(db, missing({ columns: ['value_0', 'lo_0'], strategy: 'mean' }), { in: 'internals' });
    expect(mean.fitted).toEqual({ values: { value_0: 3, lo_0: 3 } });
  });

  it('handles column names with spaces, quotes and unicode', async () => {
    await db.sql(`CREATE OR REPLACE TABLE names AS SELECT * FROM (VALUES (1, 'x', 2.0::DOUBLE), (NULL, NULL, NULL), (3, 'x', 4.0)) v("a b", "a""b", "größe")`);
    const r = await runBlock(db, missing({ columns: ['a b', 'a"b', 'größe'], strategy: 'mode', indicator: true }), { in: 'names' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['a b', 'a b_missing', 'a"b', 'a"b_missing', 'größe', 'größe_missing']);
    expect(r.outputs.out).toEqual([
      { 'a b': 1, 'a b_missing': 0, 'a"b': 'x', 'a"b_missing': 0, größe: 2, größe_missing: 0 },
      { 'a b': 1, 'a b_missing': 1, 'a"b': 'x', 'a"b_missing': 1, größe: 2, größe_missing: 1 },
      { 'a b': 3, 'a b_missing': 0, 'a"b': 'x', 'a"b_missing': 0, größe: 4, größe_missing: 0 },
    ]);
  });
});
