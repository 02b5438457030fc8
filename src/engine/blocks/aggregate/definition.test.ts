import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(
    `CREATE TABLE r AS SELECT * FROM (VALUES
       ('u1', 't1', 5, 1.0::DOUBLE), ('u1', 't2', 5, 3.0), ('u1', 't2', 3, 5.0),
       ('u2', 't1', 5, 2.0), ('u2', 't3', 1, 4.0), ('u2', 't3', 1, NULL)) v(userId, trackId, Rating, energy)`,
  );
});
afterAll(() => db.close());

type Agg = { column: string; fn: string; as?: string };
const aggregate = (aggregations: Agg[], groupBy = ['userId'], filter?: string) => ({
  kind: 'aggregate' as const,
  params: { groupBy, aggregations, ...(filter !== undefined ? { filter } : {}) },
});

describe('aggregate', () => {
  it.each([
    ['count', 'energy', [3, 2]], // count(column) skips NULLs
    ['sum', 'energy', [9, 6]],
    ['avg', 'energy', [3, 3]],
    ['min', 'energy', [1, 2]],
    ['max', 'energy', [5, 4]],
    ['median', 'energy', [3, 3]],
    ['count_distinct', 'trackId', [2, 2]],
    ['stddev', 'energy', [2, Math.SQRT2]],
    ['variance', 'energy', [4, 2]],
    ['mode', 'Rating', [5, 1]],
    ['first', 'trackId', ['t1', 't1']],
  ])('%s of %s per user', async (fn, column, expected) => {
    const r = await runBlock(db, aggregate([{ column, fn }]), { in: 'r' }, { orderBy: 'all' });
    const name = `${column}_${fn}`;
    expect(r.columns.out).toEqual(['userId', name]);
    const got = r.outputs.out!.map((row) => row[name]);
    expected.forEach((v, i) => (typeof v === 'number' ? expect(got[i]).toBeCloseTo(v, 12) : expect(got[i]).toBe(v)));
  });

  it('count * names its column rows_count and counts NULL rows too', async () => {
    const r = await runBlock(db, aggregate([{ column: '*', fn: 'count' }]), { in: 'r' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { userId: 'u1', rows_count: 3 },
      { userId: 'u2', rows_count: 3 },
    ]);
  });

  it('aggregates only the rows matching the filter, with `as` names', async () => {
    const r = await runBlock(
      db,
      aggregate([{ column: 'energy', fn: 'avg', as: 'energy_5star' }, { column: '*', fn: 'count', as: 'n' }], ['userId'], 'Rating = 5'),
      { in: 'r' },
      { orderBy: 'all' },
    );
    expect(r.outputs.out).toEqual([
      { userId: 'u1', energy_5star: 2, n: 2 },
      { userId: 'u2', energy_5star: 2, n: 1 },
    ]);
  });

  it('aggregates the whole table without groupBy', async () => {
    const r = await runBlock(db, aggregate([{ column: 'Rating', fn: 'max' }, { column: 'energy', fn: 'sum' }], []), { in: 'r' });
    expect(r.outputs.out).toEqual([{ Rating_max: 5, energy_sum: 15 }]);
  });

  it('groups by several columns', async () => {
    const r = await runBlock(db, aggregate([{ column: '*', fn: 'count' }], ['userId', 'trackId']), { in: 'r' }, { orderBy: 'all' });
    expect(r.outputs.out!.map((row) => [row.userId, row.trackId, row.rows_count])).toEqual([
      ['u1', 't1', 1],
      ['u1', 't2', 2],
      ['u2', 't1', 1],
      ['u2', 't3', 2],
    ]);
  });

  it.each([
    ['two aggregations with one name', 'E_COLUMN_EXISTS', aggregate([{ column: 'energy', fn: 'sum', as: 'x' }, { column: 'Rating', fn: 'sum', as: 'x' }])],
    ['an output named like a group key', 'E_COLUMN_EXISTS', aggregate([{ column: 'energy', fn: 'sum', as: 'userId' }])],
    ['avg of a text column', 'E_PARAMS_INVALID', aggregate([{ column: 'trackId', fn: 'avg' }])],
    ['sum of a text column', 'E_PARAMS_INVALID', aggregate([{ column: 'trackId', fn: 'sum' }])],
    ['a missing column', 'E_COLUMN_MISSING', aggregate([{ column: 'nope', fn: 'max' }])],
    ['a missing group key', 'E_COLUMN_MISSING', aggregate([{ column: 'energy', fn: 'max' }], ['nope'])],
    ['a filter that escapes', 'E_FORMULA_SYNTAX', aggregate([{ column: 'energy', fn: 'max' }], ['userId'], 'TRUE) OR (TRUE')],
  ])('%s is %s', async (_name, code, block) => {
    await expect(runBlock(db, block, { in: 'r' })).rejects.toMatchObject({ code, blockId: 'b' });
  });

  describe('determinism over 300k rows on 2 threads', () => {
    beforeAll(async () => {
      await db.sql(
        `CREATE TABLE big AS SELECT i % 1000 AS g, (md5_number_upper(CAST(i AS VARCHAR)) / 18446744073709551616.0 - 0.5) * 1e6 / 3 AS v FROM range(300000) t(i)`,
      );
    });

    // Ordered aggregates (stddev, variance) sort each group, so they get fewer runs to keep the file fast.
    it.each([
      [['avg', 'sum'], 5],
      [['stddev', 'variance'], 2],
    ])('%j are bit-identical over %i runs', async (fns, runs) => {
      const { select } = await runBlock(db, aggregate(fns.map((fn) => ({ column: 'v', fn })), ['g']), { in: 'big' });
      // Every group's results as text, so runs compare bit for bit; the block's own SELECT runs each time.
      const cells = fns.map((fn) => `CAST("v_${fn}" AS VARCHAR)`).join(` || ':' || `);
      const digest = async () => {
        const rows = await db.rows(`SELECT string_agg(CAST(g AS VARCHAR) || ':' || ${cells}, ',' ORDER BY g) AS s FROM (${select})`);
        return String(rows[0]?.s);
      };
      const first = await digest();
      expect(first.split(',')).toHaveLength(1000);
      for (let i = 1; i < runs; i++) expect(await digest()).toBe(first);
    });

    it('mode with ties picks the smallest value on every run (regression: parallel mode picked any)', async () => {
      // Each group holds the values 0..9 equally often, in a shuffled order.
      await db.sql(
        `CREATE TABLE ties AS SELECT i % 100 AS g, (i // 100) % 10 AS v FROM range(300000) t(i) ORDER BY md5(CAST(i AS VARCHAR))`,
      );
      for (let i = 0; i < 2; i++) {
        const r = await runBlock(db, aggregate([{ column: 'v', fn: 'mode' }], ['g']), { in: 'ties' });
        expect(new Set(r.outputs.out!.map((row) => row.v_mode))).toEqual(new Set([0]));
      }
    });
  });
});
