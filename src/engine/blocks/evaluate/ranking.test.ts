import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { evaluateBlock } from './definition';
import { discountTables } from './ranking';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // The worked example. Recommendations by rank:  A: x, z, y   B: z, w, x   D: q (D is not in the holdout)
  // Holdout:  A {x, y}   B {w}   C {q}, twice (C has no recommendations)
  await db.sql(
    `CREATE TABLE recs AS SELECT * FROM (VALUES ('A', 'x', 1), ('A', 'z', 2), ('A', 'y', 3), ('B', 'z', 1), ('B', 'w', 2), ('B', 'x', 3), ('D', 'q', 1)) v(userId, trackId, rank)`,
  );
  await db.sql(`CREATE TABLE holdout AS SELECT * FROM (VALUES ('A', 'x', 5), ('A', 'y', 4), ('B', 'w', 3), ('C', 'q', 1), ('C', 'q', 2)) v(userId, trackId, Rating)`);
  await db.sql(`CREATE TABLE catalog AS SELECT * FROM (VALUES ('q'), ('r'), ('s'), ('t'), ('w'), ('x'), ('y'), ('z')) v(trackId)`);
  await db.sql(`CREATE TABLE renamed AS SELECT userId AS who, trackId AS what FROM holdout`);
  await db.sql(`CREATE TABLE perfect AS SELECT userId, trackId, row_number() OVER (PARTITION BY userId ORDER BY trackId) AS rank FROM (SELECT DISTINCT userId, trackId FROM holdout)`);
});
afterAll(() => db.close());

const ranking = (params: Record<string, unknown> = {}) => ({ kind: 'evaluate' as const, params: { mode: 'ranking', ...params } });
const tables = { recommendations: 'recs', holdout: 'holdout' };
const d = (rank: number) => 1 / Math.log2(rank + 1);

describe('evaluate: ranking', () => {
  it.each([
    {
      k: 3,
      // A: hits x@1, y@3 → precision 2/3, recall 1, DCG d(1) + d(3) = 1.5, ideal d(1) + d(2).
      // B: hit w@2 → precision 1/3, recall 1, DCG d(2), ideal d(1) = 1.   C: nothing → 0.
      expected: {
        precision_at_k: (2 / 3 + 1 / 3) / 3,
        recall_at_k: 2 / 3,
        ndcg_at_k: ((d(1) + d(3)) / (d(1) + d(2)) + d(2)) / 3,
        hit_rate_at_k: 2 / 3,
        users: 3,
        // {x, z, y, w, q} recommended (D's q counts) out of {x, y, z, w, q}.
        coverage: 1,
      },
    },
    {
      k: 1,
      // A: x@1 is a hit → precision 1, recall 1/2, NDCG 1.   B: z@1 misses.   C: nothing.
      expected: { precision_at_k: 1 / 3, recall_at_k: 1 / 6, ndcg_at_k: 1 / 3, hit_rate_at_k: 1 / 3, users: 3, coverage: 3 / 5 },
    },
  ])('k = $k: metrics averaged over the holdout users', async ({ k, expected }) => {
    const r = await runBlock(db, ranking({ k }), tables);
    expect(r.columns.metrics).toEqual(['precision_at_k', 'recall_at_k', 'ndcg_at_k', 'hit_rate_at_k', 'users', 'coverage']);
    expect(r.outputs.metrics).toHaveLength(1);
    const m = r.outputs.metrics![0]!;
    for (const [name, value] of Object.entries(expected)) expect(m[name], name).toBeCloseTo(value, 12);
  });

  it('reports the holdout users it scored', async () => {
    const r = await runBlock(db, ranking({ k: 3 }), tables);
    expect(await evaluateBlock.report!({ firstRow: async (port) => r.outputs[port]?.[0] })).toEqual({ scored: 3, of: 'users' });
  });

  it('the worked NDCG example is 0.5169 at k = 3', async () => {
    const r = await runBlock(db, ranking({ k: 3 }), tables);
    // (1.5 / 1.63093 + 0.63093 + 0) / 3 = (0.91972 + 0.63093) / 3
    expect(Number(r.outputs.metrics![0]!.ndcg_at_k).toFixed(4)).toBe('0.5169');
  });

  it('scores a perfect ranking exactly 1', async () => {
    const r = await runBlock(db, ranking({ k: 5 }), { recommendations: 'perfect', holdout: 'holdout' });
    const m = r.outputs.metrics![0]!;
    expect([m.ndcg_at_k, m.recall_at_k, m.hit_rate_at_k]).toEqual([1, 1, 1]);
  });

  it('measures coverage against a connected catalog', async () => {
    const r = await runBlock(db, ranking({ k: 3, useCatalog: true }), { ...tables, catalog: 'catalog' });
    expect(r.outputs.metrics![0]!.coverage).toBe(5 / 8);
  });

  it('reads holdout columns of other names', async () => {
    const params = ranking({ k: 3, holdoutUserColumn: 'who', holdoutItemColumn: 'what' });
    const r = await runBlock(db, params, { recommendations: 'recs', holdout: 'renamed' });
    expect(r.outputs.metrics![0]!.hit_rate_at_k).toBeCloseTo(2 / 3, 12);
  });

  it('gives the same row twice', async () => {
    const run = async () => (await runBlock(db, ranking({ k: 2 }), tables)).outputs.metrics;
    expect(await run()).toEqual(await run());
  });

  it('computes discounts 1/log2(rank + 1) and ideal DCGs as exact decimals', () => {
    const { discounts, ideal } = discountTables(3);
    expect(discounts).toContain("'1.000000000000000000', '0.630929753571457530', '0.500000000000000000'");
    expect(ideal).toContain("'1.000000000000000000', '1.630929753571457530', '2.130929753571457530'");
  });

  it.each([
    ['a missing rank column', { rankColumn: 'position' }, tables, 'E_COLUMN_MISSING', 'position'],
    ['a holdout without the user column', { holdoutUserColumn: 'nobody' }, tables, 'E_COLUMN_MISSING', 'holdout input'],
    ['recommendations with one column', {}, { recommendations: 'catalog', holdout: 'holdout' }, 'E_PARAMS_INVALID', 'itemColumn'],
  ])('%s is a coded error', async (_name, params, inputs, code, text) => {
    await expect(runBlock(db, ranking(params), inputs)).rejects.toMatchObject({ code, message: expect.stringContaining(text) });
  });
});
