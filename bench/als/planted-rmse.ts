import type { AlsParams, ModelHost, TrainedAls } from '../../src/engine/model/als-contract';
import type { CpuKernel } from '../../src/ml/kernels/kernel';
import { ratingsMatrix } from '../../src/ml/sweeper';
import { plantedRatings, splitRatings, type PlantedRatings, type RatingsSubset } from '../../src/ml/testing/planted-ratings';

/** regParam values tried; the one with the lowest validation RMSE is kept. */
export const REG_PARAM_GRID = [0.005, 0.01, 0.02, 0.05];
const ITERATIONS = 10;
const TEST_FRACTION = 0.2;
/** Of the training ratings, the share set aside to choose regParam by. */
const VALIDATION_FRACTION = 0.2;

export interface PlantedRmse {
  ratings: number;
  plantedRank: number;
  /** The planted noise σ: the RMSE a perfect model would reach. */
  noiseSd: number;
  iterations: number;
  backend: string;
  /** Each regParam, trained on 80% of the training ratings, scored on the other 20%. */
  grid: Array<{ regParam: number; validationRmse: number; lossNeverIncreases: boolean }>;
  /** The grid's best, retrained on all training ratings and scored once on the held-out test ratings. */
  regParam: number;
  testRmse: number;
  testRmseOverNoise: number;
  /**
   * The test RMSE over σ of users solved against the planted item side (factors, biases, mean) instead of a learned
   * one, at the same regParam: what estimating each user from its own ratings costs, the floor for this shape.
   */
  knownItemsRmseOverNoise: number;
  trainRmse: number;
  losses: number[];
  /** Over every training above (the grid and the final one), with a relative tolerance of 1e-9 for rounding. */
  lossNeverIncreases: boolean;
  seconds: number;
}

/**
 * Explicit ALS on planted ratings (`plantedRatings`, rank 10 plus N(0, σ²) noise): a seeded 20% held out for test,
 * regParam chosen on a validation split of the rest (never on the test set), the model retrained at that regParam,
 * its test RMSE compared with σ.
 */
export async function plantedRmse(nnz: number, host: ModelHost, kernel: CpuKernel): Promise<PlantedRmse> {
  const started = performance.now();
  const planted = plantedRatings(nnz);
  const { kept: train, held: test } = splitRatings(planted, TEST_FRACTION, 11);
  const { kept: fit, held: validation } = splitRatings(train, VALIDATION_FRACTION, 12);
  const params = (regParam: number): AlsParams => ({
    rank: planted.rank,
    maxIter: ITERATIONS,
    regParam,
    alpha: 1,
    implicitPrefs: false,
    nonnegative: false,
    seed: 1,
    bias: { global: true, user: true, item: true },
  });
  const trainOn = (ratings: RatingsSubset, scoredOn: RatingsSubset, regParam: number): Promise<TrainedAls> =>
    host.trainAls({ users: planted.users, items: planted.items, ...ratings, validation: scoredOn }, params(regParam), {});

  const grid: PlantedRmse['grid'] = [];
  for (const regParam of REG_PARAM_GRID) {
    const model = await trainOn(fit, validation, regParam);
    grid.push({ regParam, validationRmse: round(model.history.at(-1)!.validationRmse!), lossNeverIncreases: neverIncreases(model) });
  }
  const best = grid.reduce((a, b) => (b.validationRmse < a.validationRmse ? b : a));
  const model = await trainOn(train, test, best.regParam);
  const last = model.history.at(-1)!;
  return {
    ratings: nnz,
    plantedRank: planted.rank,
    noiseSd: planted.noiseSd,
    iterations: ITERATIONS,
    backend: model.backend,
    grid,
    regParam: best.regParam,
    testRmse: round(last.validationRmse!),
    testRmseOverNoise: round(last.validationRmse! / planted.noiseSd),
    knownItemsRmseOverNoise: round(knownItemsRmse(planted, train, test, best.regParam, kernel) / planted.noiseSd),
    trainRmse: round(last.trainRmse!),
    losses: model.history.map((h) => round(h.loss)),
    lossNeverIncreases: neverIncreases(model) && grid.every((g) => g.lossNeverIncreases),
    seconds: round((performance.now() - started) / 1000),
  };
}

/** One user half-sweep against the planted item side, scored on the test ratings. */
function knownItemsRmse(planted: PlantedRatings, train: RatingsSubset, test: RatingsSubset, regParam: number, kernel: CpuKernel): number {
  const { rank, truth } = planted;
  const dim = rank + 1;
  // The item factors with a column of ones, so each user's bias is solved with its factors (as the trainer does).
  const fixed = new Float64Array(planted.items * dim);
  for (let i = 0; i < planted.items; i++) {
    fixed.set(truth.itemFactors.subarray(i * rank, (i + 1) * rank), i * dim);
    fixed[i * dim + rank] = 1;
  }
  const { byUser } = ratingsMatrix(planted.users, planted.items, train.user, train.item, train.rating);
  const users = new Float64Array(planted.users * dim);
  const { indptr, indices, values } = byUser;
  const shift = truth.globalMean;
  kernel.solve({ indptr, indices, values, start: 0, end: byUser.rows, fixed, dim, shift, fixedOffset: truth.itemBias, lambda: regParam, nonnegative: false, implicit: null }, users);
  let sse = 0;
  for (let e = 0; e < test.rating.length; e++) {
    const u = test.user[e]!;
    const i = test.item[e]!;
    let s = truth.globalMean + truth.itemBias[i]! + users[u * dim + rank]!;
    for (let j = 0; j < rank; j++) s += users[u * dim + j]! * truth.itemFactors[i * rank + j]!;
    sse += (test.rating[e]! - s) ** 2;
  }
  return Math.sqrt(sse / test.rating.length);
}

function neverIncreases(model: TrainedAls): boolean {
  return model.history.every((h, i) => i === 0 || h.loss <= model.history[i - 1]!.loss * (1 + 1e-9));
}

function round(x: number): number {
  return Number(x.toPrecision(5));
}
