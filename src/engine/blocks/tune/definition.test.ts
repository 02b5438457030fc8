import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelHost } from '../../../ml/model-host';
import { LocalSweeper } from '../../../ml/sweeper';
import { tsKernel } from '../../../ml/kernels/ts-kernel';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { foldData } from './cross-validate';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE ratings AS
    SELECT u AS userId, i AS itemId,
           round(3 + 1.2 * sin(u) * cos(i) + 0.8 * cos(u * 0.7) * sin(i * 1.3) + 0.3 * sin(u * i * 7.1), 3)::DOUBLE AS rating
    FROM range(40) a(u), range(30) b(i) WHERE (u * 7 + i * 3) % 3 <> 0`);
});
afterAll(() => db.close());

const tune = { kind: 'tune' as const, params: { itemColumn: 'itemId', maxIter: 5, folds: 3, grid: { rank: [1, 2], regParam: [0.05, 5] } } };

describe('tune', () => {
  it('scores every grid point by held-out RMSE, picks the lowest, and trains it on all the ratings', async () => {
    const r = await runBlock(db, tune, { ratings: 'ratings' });
    const results = r.outputs.results!;
    expect(results).toHaveLength(4);
    expect(results.map((x) => x.rmse)).toEqual([...results.map((x) => Number(x.rmse))].sort((a, b) => a - b));
    // A huge penalty shrinks every factor to nothing: it cannot win against a small one.
    expect(results.at(-1)!.reg_param).toBe(5);
    expect(r.outputs.best).toEqual([expect.objectContaining({ rank: results[0]!.rank, reg_param: results[0]!.reg_param, rmse: results[0]!.rmse, folds: 3 })]);
    expect(r.columns.users).toEqual(['userId', 'bias', ...Array.from({ length: Number(results[0]!.rank) }, (_, j) => `f${j}`)]);
    expect(r.prepared!.report!.ratings).toBe(Number((await db.rows("SELECT count(*) AS n FROM ratings"))[0]!.n));
  });

  it('gives the same folds and scores on a second run (seeded by the rows, not by their order)', async () => {
    const a = await runBlock(db, tune, { ratings: 'ratings' });
    const b = await runBlock(db, tune, { ratings: 'ratings' });
    expect(b.outputs.results).toEqual(a.outputs.results);
  });

  it('holds each rating out exactly once, and drops held-out pairs whose user the fold never saw', () => {
    const data = { users: 3, items: 2, user: Int32Array.from([0, 0, 1, 2]), item: Int32Array.from([0, 1, 1, 0]), rating: Float64Array.from([1, 2, 3, 4]) };
    const fold = Int32Array.from([0, 1, 0, 1]);
    const f0 = foldData(data, fold, 0);
    expect(Array.from(f0.rating)).toEqual([2, 4]);
    expect(Array.from(f0.validation!.rating)).toEqual([1, 3]);
    // User 1's only rating is held out: the model has no factors for it, so that pair is marked cold (−1).
    expect(Array.from(f0.validation!.user)).toEqual([0, -1]);
  });

  it('reports where the best settings trained, and why the GPU was not used, as train-als does', async () => {
    const noGpu = createModelHost({
      create: (matrix) => Promise.resolve({ sweeper: new LocalSweeper(tsKernel, matrix), fallbackReason: 'no WebGPU adapter' }),
    });
    const r = await runBlock(db, tune, { ratings: 'ratings' }, { models: noGpu });
    expect(r.prepared!.report).toMatchObject({ backend: expect.any(String), fallbackReason: 'no WebGPU adapter' });
    const plain = await runBlock(db, tune, { ratings: 'ratings' });
    expect(plain.prepared!.report).not.toHaveProperty('fallbackReason');
  });

  it('refuses implicit feedback, which has no held-out RMSE', async () => {
    await expect(runBlock(db, { kind: 'tune', params: { ...tune.params, implicitPrefs: true } }, { ratings: 'ratings' })).rejects.toMatchObject({ code: 'E_PARAMS_INVALID' });
  });
});
