import { describe, expect, it } from 'vitest';
import { trainAls, score, TrainingCancelled, type AlsParams } from './als';
import { readAlsWasm } from '../cli/wasm-bytes';
import { tsKernel } from './kernels/ts-kernel';
import { createWasmKernel } from './kernels/wasm/wasm-kernel';
import { objective } from './objective';
import { SeededRandom } from './rng';
import { LocalSweeper, ratingsMatrix, type Sweeper } from './sweeper';

const NOISE = 0.3;

/** Ratings from planted rank-3 factors plus N(0, NOISE²): a trained model can do no better than NOISE on held-out pairs. */
function plantedRatings(seed: number) {
  const users = 300;
  const items = 200;
  const rank = 3;
  const rng = new SeededRandom(seed);
  const u = Array.from({ length: users * rank }, () => rng.normal() * 0.8);
  const v = Array.from({ length: items * rank }, () => rng.normal() * 0.8);
  const train = { user: [] as number[], item: [] as number[], rating: [] as number[] };
  const test = { user: [] as number[], item: [] as number[], rating: [] as number[] };
  for (let a = 0; a < users; a++) {
    for (let b = 0; b < items; b++) {
      if (rng.next() > 0.4) continue;
      let s = 3;
      for (let j = 0; j < rank; j++) s += u[a * rank + j]! * v[b * rank + j]!;
      const target = rng.next() < 0.8 ? train : test;
      target.user.push(a);
      target.item.push(b);
      target.rating.push(s + NOISE * rng.normal());
    }
  }
  return { users, items, train, test };
}

const base: AlsParams = {
  rank: 3,
  maxIter: 15,
  regParam: 0.02,
  alpha: 1,
  implicitPrefs: false,
  nonnegative: false,
  seed: 1,
  bias: { global: true, user: true, item: true },
};

function nonIncreasing(losses: number[]): boolean {
  return losses.every((l, i) => i === 0 || l <= losses[i - 1]! * (1 + 1e-9));
}

describe('ALS on planted data', () => {
  const data = plantedRatings(11);
  const matrix = ratingsMatrix(data.users, data.items, Int32Array.from(data.train.user), Int32Array.from(data.train.item), Float64Array.from(data.train.rating));
  const validation = { user: Int32Array.from(data.test.user), item: Int32Array.from(data.test.item), rating: Float64Array.from(data.test.rating) };

  it('explicit: held-out RMSE is within 10% of the planted noise, and the loss never increases', async () => {
    const model = await trainAls(matrix, base, new LocalSweeper(tsKernel, matrix), { validation });
    const rmse = model.history.at(-1)!.validationRmse!;
    expect(rmse).toBeLessThan(NOISE * 1.1);
    expect(rmse).toBeGreaterThan(NOISE * 0.8);
    expect(nonIncreasing(model.history.map((h) => h.loss))).toBe(true);
  });

  it.each([
    ['without bias terms', { ...base, bias: { global: false, user: false, item: false } }],
    ['nonnegative', { ...base, nonnegative: true, bias: { global: false, user: false, item: false } }],
    ['implicit', { ...base, implicitPrefs: true, alpha: 5, regParam: 0.05 }],
  ])('%s: the loss never increases', async (_name, params) => {
    const model = await trainAls(matrix, params, new LocalSweeper(tsKernel, matrix));
    expect(nonIncreasing(model.history.map((h) => h.loss))).toBe(true);
    if (params.nonnegative) expect(Math.min(...model.userFactors, ...model.itemFactors)).toBeGreaterThanOrEqual(0);
  });

  it('the same seed gives the same model; another seed another start', async () => {
    const sweeper = new LocalSweeper(tsKernel, matrix);
    const short = { ...base, maxIter: 2 };
    const a = await trainAls(matrix, short, sweeper);
    const b = await trainAls(matrix, short, sweeper);
    const c = await trainAls(matrix, { ...short, seed: 2 }, sweeper);
    expect(Array.from(a.userFactors)).toEqual(Array.from(b.userFactors));
    expect(score(a, 0, 0)).not.toBe(score(c, 0, 0));
  });

  it('stops between half-sweeps when cancelled, and reports each iteration before that', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = trainAls(matrix, { ...base, maxIter: 50 }, new LocalSweeper(tsKernel, matrix), {
      signal: controller.signal,
      onIteration: (r) => {
        seen.push(r.iteration);
        if (r.iteration === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(TrainingCancelled);
    expect(seen).toEqual([1, 2]);
  });

  // The loss comes from the squared errors the items' half-sweep kernel returns; evaluating it afresh must agree.
  const kernels = { ts: tsKernel, wasm: createWasmKernel(readAlsWasm()) };
  it.each([
    ['ts', 'biases', base],
    ['wasm', 'biases', base],
    ['wasm', 'no biases', { ...base, bias: { global: false, user: false, item: false } }],
    ['wasm', 'nonnegative', { ...base, nonnegative: true, bias: { global: false, user: true, item: false } }],
  ] as const)('%s kernel, %s: the reported loss and train RMSE are the objective of the model, to 1e-12', async (kernel, _name, params) => {
    const reports: Array<{ loss: number; trainRmse?: number }> = [];
    const sweeper = new LocalSweeper(kernels[kernel], matrix);
    const withoutSse: Sweeper = { description: 'no squared errors', solve: async (s, j) => ({ ...(await sweeper.solve(s, j)), rowSse: null }), dispose: () => {} };
    for (const iterations of [1, 4]) {
      const model = await trainAls(matrix, { ...params, maxIter: iterations }, sweeper);
      const fresh = objective(matrix, model, params, params.bias);
      const last = model.history.at(-1)!;
      expect(Math.abs(last.loss - fresh.loss)).toBeLessThanOrEqual(1e-12 * fresh.loss);
      expect(Math.abs(last.trainRmse! - fresh.trainRmse!)).toBeLessThanOrEqual(1e-12 * fresh.trainRmse!);
      reports.push(last);
      // A sweeper without squared errors (the GPU's) gets the loss evaluated by the trainer: the same figures.
      const evaluated = (await trainAls(matrix, { ...params, maxIter: iterations }, withoutSse)).history.at(-1)!;
      expect(evaluated.loss).toBe(fresh.loss);
    }
    expect(reports[1]!.loss).toBeLessThan(reports[0]!.loss);
  });
});
