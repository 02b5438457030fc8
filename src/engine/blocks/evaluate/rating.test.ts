import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { evaluateBlock } from './definition';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // Six scored rows and one cold start (NaN), which is left out.
  //   observed  prediction  |error|  rounded  steps away
  //   5         4.6         0.4      5        0
  //   3         3.4         0.4      3        0
  //   1         2.6         1.6      3        2
  //   4         1.2         2.8      1        3
  //   5         6.3         1.3      5 (6)    0
  //   2         2.9         0.9      3        1
  await db.sql(
    `CREATE TABLE scored AS SELECT Rating, CAST(p AS DOUBLE) AS prediction FROM (VALUES (5, '4.6'), (3, '3.4'), (1, '2.6'), (4, '1.2'), (5, '6.3'), (2, '2.9'), (2, 'NaN')) v(Rating, p)`,
  );
  await db.sql(`CREATE TABLE halves AS SELECT * FROM (VALUES (3.5, 3.3), (0.5, -1.0), (4.0, 4.74)) v(stars, guess)`);
  await db.sql(`CREATE TABLE texts AS SELECT * FROM (VALUES ('5', 4.0)) v(rating, prediction)`);
  await db.sql(`CREATE TABLE empty AS SELECT * FROM scored WHERE false`);
});
afterAll(() => db.close());

const evaluate = (params: Record<string, unknown> = {}) => ({ kind: 'evaluate' as const, params });

describe('evaluate: rating', () => {
  it('reports RMSE, MAE and the share of rows 0, 1, 2 and 3+ steps away', async () => {
    const r = await runBlock(db, evaluate(), { in: 'scored' });
    expect(r.columns.metrics).toEqual(['rmse', 'mae', 'count', 'exact', 'off_by_1', 'off_by_2', 'further']);
    const m = r.outputs.metrics![0]!;
    expect(r.outputs.metrics).toHaveLength(1);
    // Squared errors 0.16 + 0.16 + 2.56 + 7.84 + 1.69 + 0.81 = 13.22; absolute errors sum to 7.4.
    expect(m.rmse).toBeCloseTo(Math.sqrt(13.22 / 6), 12);
    expect(m.mae).toBeCloseTo(7.4 / 6, 12);
    expect(m.count).toBe(6);
    expect([m.exact, m.off_by_1, m.off_by_2, m.further]).toEqual([3 / 6, 1 / 6, 1 / 6, 1 / 6]);
  });

  it('reports the rows it scored (not the crosstab cells of its main table), read from its metrics', async () => {
    const r = await runBlock(db, evaluate(), { in: 'scored' });
    const report = await evaluateBlock.report!({ firstRow: async (port) => r.outputs[port]?.[0] });
    expect(report).toEqual({ scored: 6, of: 'rows' });
    // A dry run computes nothing, so it has no report.
    expect(await evaluateBlock.report!({})).toBeUndefined();
  });

  it('crosstabs observed × rounded prediction, ordered', async () => {
    const r = await runBlock(db, evaluate(), { in: 'scored' });
    expect(r.columns.crosstab).toEqual(['observed', 'predicted', 'count']);
    expect(r.outputs.crosstab!.map((x) => [x.observed, x.predicted, x.count])).toEqual([
      [1, 3, 1],
      [2, 3, 1],
      [3, 3, 1],
      [4, 1, 1],
      [5, 5, 2],
    ]);
  });

  it('rounds to a half-star scale and holds it to [min, max]', async () => {
    const params = { ratingColumn: 'stars', predictionColumn: 'guess', min: 0.5, max: 5, step: 0.5 };
    const r = await runBlock(db, evaluate(params), { in: 'halves' });
    // 3.3 → 3.5 (0 steps from 3.5); −1 → 0.5 (0 steps); 4.74 → 4.5 (1 step from 4.0).
    expect(r.outputs.crosstab!.map((x) => [Number(x.observed), x.predicted])).toEqual([[0.5, 0.5], [3.5, 3.5], [4, 4.5]]);
    const m = r.outputs.metrics![0]!;
    expect([m.exact, m.off_by_1, m.off_by_2, m.further]).toEqual([2 / 3, 1 / 3, 0, 0]);
    expect(m.mae).toBeCloseTo((0.2 + 1.5 + 0.74) / 3, 12);
  });

  it('finds a column named rating in any case when none is chosen', async () => {
    const r = await runBlock(db, evaluate(), { in: 'scored' });
    expect(r.outputs.crosstab).toHaveLength(5);
  });

  it('gives one row of empty metrics over no rows', async () => {
    const r = await runBlock(db, evaluate(), { in: 'empty' });
    expect(r.outputs.metrics).toEqual([{ rmse: null, mae: null, count: 0, exact: null, off_by_1: null, off_by_2: null, further: null }]);
    expect(r.outputs.crosstab).toEqual([]);
  });

  it('gives the same rows twice', async () => {
    const run = async () => {
      const r = await runBlock(db, evaluate(), { in: 'scored' });
      return [r.outputs.metrics, r.outputs.crosstab];
    };
    expect(await run()).toEqual(await run());
  });

  it.each([
    ['a missing prediction column', { predictionColumn: 'nope' }, 'scored', 'E_COLUMN_MISSING', 'nope'],
    ['no rating column to be found', {}, 'halves', 'E_COLUMN_MISSING', 'rating'],
    ['ratings held as text', {}, 'texts', 'E_PARAMS_INVALID', 'ratingColumn'],
    ['a scale upside down', { min: 5, max: 1 }, 'scored', 'E_PARAMS_INVALID', 'max'],
  ])('%s is a coded error', async (_name, params, table, code, text) => {
    await expect(runBlock(db, evaluate(params), { in: table })).rejects.toMatchObject({ code, message: expect.stringContaining(text) });
  });
});
