import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../sql/seeded';
import { scaleBlock, type ScaleFitted } from './definition';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(
    `CREATE TABLE t AS SELECT * FROM (VALUES (1, 1.0, 5, 'a'), (2, 2.0, 5, 'b'), (3, 3.0, 5, 'c'), (4, 4.0, 5, 'd'), (5, NULL, NULL, NULL)) v(id, x, k, s)`,
  );
  await db.sql(`ALTER TABLE t ALTER x TYPE DOUBLE`);
});
afterAll(() => db.close());

const scale = (params: Record<string, unknown>, fitted?: unknown) => ({
  kind: 'scale' as const,
  params: { columns: ['x'], ...params },
  ...(fitted !== undefined ? { fitted } : {}),
});

describe('scale', () => {
  it.each([
    ['min-max', { center: 1, scale: 3 }, [0, 1 / 3, 2 / 3, 1]],
    ['robust', { center: 2.5, scale: 1.5 }, [-1, -1 / 3, 1 / 3, 1]],
    ['max-abs', { center: 0, scale: 4 }, [0.25, 0.5, 0.75, 1]],
  ])('%s: fits %o and maps the rows', async (method, stats, xs) => {
    const r = await runBlock(db, scale({ method }), { in: 't' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ stats: { x: stats } });
    expect(r.outputs.out!.map((row) => row.x)).toEqual([...xs, null]);
  });

  it('standard: mean and sample standard deviation', async () => {
    const r = await runBlock(db, scale({ method: 'standard' }), { in: 't' }, { orderBy: 'all' });
    const { center, scale: sd } = (r.fitted as { stats: { x: { center: number; scale: number } } }).stats.x;
    expect(center).toBe(2.5);
    expect(sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(r.outputs.out!.map((row) => row.x)).toEqual([1, 2, 3, 4].map((x) => (x - center) / sd).concat([null as never]));
  });

  it('keeps the other columns, and the column type becomes DOUBLE', async () => {
    const r = await runBlock(db, scale({ method: 'min-max' }), { in: 't' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'x', 'k', 's']);
    expect(r.outputs.out![1]).toEqual({ id: 2, x: 1 / 3, k: 5, s: 'b' });
    const types = await db.rows(`SELECT typeof(x) AS t FROM block_result LIMIT 1`);
    expect(types).toEqual([{ t: 'DOUBLE' }]);
  });

  it.each(['standard', 'min-max', 'robust', 'max-abs'])('%s: a constant column maps to 0, never divides by zero', async (method) => {
    const r = await runBlock(db, scale({ method, columns: ['k'] }), { in: 't' }, { orderBy: 'all' });
    const k = (r.fitted as { stats: { k: { center: number; scale: number } } }).stats.k;
    expect(k.scale).toBe(method === 'max-abs' ? 5 : 1);
    expect(r.outputs.out!.map((row) => row.k)).toEqual(method === 'max-abs' ? [1, 1, 1, 1, null] : [0, 0, 0, 0, null]);
  });

  it.each(['standard', 'min-max', 'robust', 'max-abs'])('%s: an input with no values fits center 0, scale 1', async (method) => {
    await db.sql(`CREATE OR REPLACE TABLE nothing AS SELECT * FROM (VALUES (NULL::DOUBLE), ('nan')) v(x)`);
    const r = await runBlock(db, scale({ method }), { in: 'nothing' });
    expect(r.fitted).toEqual({ stats: { x: { center: 0, scale: 1 } } });
  });

  it('leaves NaN and infinities out of the statistics', async () => {
    await db.sql(`CREATE OR REPLACE TABLE odd AS SELECT * FROM (VALUES (1.0::DOUBLE), (3.0), ('nan'), ('inf')) v(x)`);
    const r = await runBlock(db, scale({ method: 'min-max' }), { in: 'odd' }, { orderBy: 'all' });
    expect(r.fitted).toEqual({ stats: { x: { center: 1, scale: 2 } } });
    expect(r.outputs.out!.map((row) => row.x)).toEqual([0, 1, Infinity, NaN]);
  });

  it('outputSuffix appends new columns and keeps the originals', async () => {
    const r = await runBlock(db, scale({ method: 'max-abs', columns: ['x', 'k'], outputSuffix: '_scaled' }), { in: 't' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'x', 'k', 's', 'x_scaled', 'k_scaled']);
    expect(r.outputs.out![3]).toEqual({ id: 4, x: 4, k: 5, s: 'd', x_scaled: 1, k_scaled: 1 });
  });

  it('applies stored statistics to new data as they are', async () => {
    const r = await runBlock(db, scale({ method: 'standard' }, { stats: { x: { center: 10, scale: 0.5 } } }), { in: 't' }, { orderBy: 'all' });
    expect(r.outputs.out!.map((row) => row.x)).toEqual([-18, -16, -14, -12, null]);
  });

  it.each([
    [{ columns: ['nope'] }, 'E_COLUMN_MISSING'],
    [{ columns: ['s'] }, 'E_PARAMS_INVALID'],
    [{ columns: ['x', 'x'] }, 'E_PARAMS_INVALID'],
  ])('rejects %o with %s', async (params, code) => {
    await expect(runBlock(db, scale(params), { in: 't' })).rejects.toMatchObject({ code });
  });

  it('refuses a suffixed name that already exists (E_COLUMN_EXISTS)', async () => {
    await db.sql(`CREATE OR REPLACE TABLE clash AS SELECT 1.0 AS x, 2 AS x_s`);
    await expect(runBlock(db, scale({ outputSuffix: '_s' }), { in: 'clash' })).rejects.toMatchObject({ code: 'E_COLUMN_EXISTS' });
  });

  it('handles column names with spaces, quotes and unicode', async () => {
    await db.sql(`CREATE OR REPLACE TABLE names AS SELECT * FROM (VALUES (0, 2, 4), (10, 4, 8)) v("a b", "a""b", "größe")`);
    const r = await runBlock(db, scale({ method: 'min-max', columns: ['a b', 'a"b', 'größe'] }), { in: 'names' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { 'a b': 0, 'a"b': 0, größe: 0 },
      { 'a b': 1, 'a"b': 1, größe: 1 },
    ]);
  });

  it('an input whose table and column names look like the query internals still fits', async () => {
    await db.sql(`CREATE OR REPLACE TABLE p AS SELECT * FROM (VALUES (1.0::DOUBLE, 5), (3.0, 7)) v(hi_0, lo_0)`);
    const r = await runBlock(db, scale({ method: 'standard', columns: ['hi_0', 'lo_0'] }), { in: 'p' });
    expect(r.fitted).toEqual({ stats: { hi_0: { center: 2, scale: Math.SQRT2 }, lo_0: { center: 6, scale: Math.SQRT2 } } });
  });

  it('fits bit-identical statistics run after run on 200k rows with two threads', async () => {
    const u = (seed: number) => seededUnit(seed, 'CAST(i AS VARCHAR)');
    // A wide spread, and a large offset with a tiny spread (where naive sums of squares lose every digit).
    await db.sql(`CREATE OR REPLACE TABLE big AS SELECT ${u(1)} * 1000 - 300 AS wide, 1e6 + ${u(2)} * 1e-3 AS narrow FROM range(200000) r(i)`);
    const params = scaleBlock.params.parse({ method: 'standard', columns: ['wide', 'narrow'] });
    const columns = [
      { name: 'wide', type: 'DOUBLE' },
      { name: 'narrow', type: 'DOUBLE' },
    ];
    const fit = () =>
      scaleBlock.fit!({ blockId: 'b', params, inputs: { in: { ref: 'big', columns } }, query: (q) => db.rows(q), files: { inputPath: (n) => n } });
    const fits = [];
    for (let i = 0; i < 5; i++) fits.push(JSON.stringify(await fit()));
    expect(new Set(fits).size).toBe(1);
    // References without the offset: narrow - 1e6 is exact, and DuckDB's own stddev is accurate on it.
    const ref = (await db.rows(`SELECT avg(wide) AS mw, stddev_samp(wide) AS sw, avg(narrow - 1e6) AS mn, stddev_samp(narrow - 1e6) AS sn FROM big`))[0]!;
    const { stats } = JSON.parse(fits[0]!) as ScaleFitted;
    expect(stats.wide!.center / Number(ref.mw)).toBeCloseTo(1, 12);
    expect(stats.wide!.scale / Number(ref.sw)).toBeCloseTo(1, 12);
    expect(stats.narrow!.center - 1e6).toBeCloseTo(Number(ref.mn), 9);
    expect(stats.narrow!.scale / Number(ref.sn)).toBeCloseTo(1, 12);
  });
});
