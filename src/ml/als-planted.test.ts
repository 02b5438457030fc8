import { describe, expect, it } from 'vitest';
import { trainAls, type AlsParams } from './als';
import { tsKernel } from './kernels/ts-kernel';
import { LocalSweeper, ratingsMatrix } from './sweeper';
import { plantedRatings, splitRatings } from './testing/planted-ratings';

const RANK = 5;
const params: AlsParams = {
  rank: RANK,
  maxIter: 12,
  regParam: 0.02,
  alpha: 1,
  implicitPrefs: false,
  nonnegative: false,
  seed: 1,
  bias: { global: true, user: true, item: true },
};

// The bench's generator at the bench's shape (about 100 ratings per user, a fifth as many items as users, popular
// items rated most), planted at rank 5: with about 80 training ratings per user for 6 free parameters (factors and
// bias), sampling error alone puts a least-squares fit near 1.05 σ. Seeds 1–8 measured 1.041–1.066 σ.
describe('explicit ALS on planted ratings at the bench shape (50k ratings, rank 5)', () => {
  it.each([1, 2, 3, 4])('seed %i: test RMSE is at most 1.1 σ, and the loss never increases', async (seed) => {
    const planted = plantedRatings(50_000, { rank: RANK, seed });
    const { kept: train, held: test } = splitRatings(planted, 0.2, seed + 100);
    const matrix = ratingsMatrix(planted.users, planted.items, train.user, train.item, train.rating);
    const model = await trainAls(matrix, params, new LocalSweeper(tsKernel, matrix), { validation: test });

    const testRmse = model.history.at(-1)!.validationRmse!;
    expect(testRmse).toBeLessThanOrEqual(1.1 * planted.noiseSd);
    // No model beats the noise on ratings it has not seen; far below it would mean the test set leaked.
    expect(testRmse).toBeGreaterThan(0.95 * planted.noiseSd);
    const losses = model.history.map((h) => h.loss);
    expect(losses.every((l, i) => i === 0 || l <= losses[i - 1]! * (1 + 1e-9))).toBe(true);
  });
});
