import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // 40 users × 30 items, about half rated, from a planted rank-2 taste plus a little noise; item ids are text.
  await db.sql(`CREATE TABLE ratings AS
    SELECT u AS userId, 'item-' || lpad(i::VARCHAR, 2, '0') AS itemId,
           round(3 + 1.2 * sin(u) * cos(i) + 0.8 * cos(u * 0.7) * sin(i * 1.3) + 0.1 * sin(u * i), 3)::DOUBLE AS rating
    FROM range(40) a(u), range(30) b(i) WHERE (u * 7 + i * 3) % 2 = 0`);
  await db.sql(`CREATE TABLE ratings_holey AS SELECT * FROM ratings UNION ALL SELECT 99, 'item-00', NULL UNION ALL SELECT NULL, 'item-01', 4`);
  await db.sql(`CREATE TABLE heldout AS SELECT u AS userId, 'item-' || lpad(i::VARCHAR, 2, '0') AS itemId,
           round(3 + 1.2 * sin(u) * cos(i) + 0.8 * cos(u * 0.7) * sin(i * 1.3) + 0.1 * sin(u * i), 3)::DOUBLE AS rating
    FROM range(40) a(u), range(30) b(i) WHERE (u * 7 + i * 3) % 2 = 1`);
  await db.sql(`CREATE TABLE texty AS SELECT userId, itemId, rating::VARCHAR AS rating FROM ratings`);
  await db.sql(`CREATE TABLE clash AS SELECT userId AS bias, itemId, rating FROM ratings`);
});
afterAll(() => db.close());

const train = (params: Record<string, unknown> = {}) => ({ kind: 'train-als' as const, params: { itemColumn: 'itemId', rank: 2, maxIter: 8, regParam: 0.05, ...params } });

describe('train-als', () => {
  it('writes user and item factor tables keyed by the original ids, and a summary', async () => {
    const r = await runBlock(db, train(), { ratings: 'ratings' });
    expect(r.columns.users).toEqual(['userId', 'bias', 'f0', 'f1']);
    expect(r.columns.items).toEqual(['itemId', 'bias', 'f0', 'f1']);
    expect(r.outputs.users).toHaveLength(40);
    expect(r.outputs.items).toHaveLength(30);
    expect(r.outputs.items![0]!.itemId).toBe('item-00');
    expect(r.outputs.summary).toEqual([
      expect.objectContaining({ users: 40, items: 30, ratings: 600, sparsity: 0.5, rank: 2, iterations: 8, implicit: false }),
    ]);
    const losses = r.prepared!.report!.history.map((h) => h.loss);
    expect(losses.every((l, i) => i === 0 || l <= losses[i - 1]! * (1 + 1e-9))).toBe(true);
  });

  it('a prediction from the tables is the training fit: Σ f·f + biases reproduces the reported train RMSE', async () => {
    const r = await runBlock(db, train({ bias: { global: true, user: true, item: true } }), { ratings: 'ratings' });
    await db.sql(`CREATE OR REPLACE TABLE u_f AS ${r.select}`);
    const report = r.prepared!.report!;
    const rows = await db.rows(`WITH i_f AS (SELECT * FROM "${r.prepared!.tables.items}" m JOIN "${r.prepared!.tables.itemFactors}" f USING (idx))
      SELECT sqrt(avg((r.rating - (u.bias + i_f.bias + u.f0 * i_f.f0 + u.f1 * i_f.f1)) ** 2)) AS rmse
      FROM ratings r JOIN u_f u USING (userId) JOIN i_f ON i_f.id = r.itemId`);
    expect(rows[0]!.rmse).toBeCloseTo(report.history.at(-1)!.trainRmse!, 9);
  });

  it('reports validation RMSE every iteration when a validation input is connected', async () => {
    const r = await runBlock(db, train({ validate: true }), { ratings: 'ratings', validation: 'heldout' });
    const history = r.prepared!.report!.history;
    expect(history).toHaveLength(8);
    expect(history.every((h) => typeof h.validationRmse === 'number' && h.validationRmse > 0)).toBe(true);
  });

  it('skips rows without a user, item or rating, as Spark does', async () => {
    const r = await runBlock(db, train(), { ratings: 'ratings_holey' });
    expect(r.outputs.users).toHaveLength(40);
    expect(r.prepared!.report!.ratings).toBe(600);
  });

  it.each([
    ['a missing column', train({ ratingColumn: 'stars' }), 'ratings', 'E_COLUMN_MISSING', /stars/],
    ['a text rating', train(), 'texty', 'E_MODEL_COLUMN_TYPE', /"rating" is VARCHAR/],
    ['an id column named like a factor', train({ userColumn: 'bias' }), 'clash', 'E_MODEL_ID_CLASH', /"bias"/],
    ['nonnegative with bias terms', train({ nonnegative: true, bias: { user: true } }), 'ratings', 'E_PARAMS_INVALID', /nonnegative/],
  ])('refuses %s with a clear error', async (_name, block, table, code, message) => {
    await expect(runBlock(db, block, { ratings: table })).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
  });
});
