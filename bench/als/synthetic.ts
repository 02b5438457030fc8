import { ratingsMatrix, type RatingsMatrix } from '../../src/ml/sweeper';
import { plantedRatings } from '../../src/ml/testing/planted-ratings';

/**
 * A ratings matrix of about `nnz` entries shaped like the music data (about 100 ratings per user, items 1/5 as many as
 * users, popularity skewed), drawn from planted rank-10 factors plus noise (`plantedRatings`), made in memory so
 * kernel timings do not include reading files.
 */
export function syntheticRatings(nnz: number, seed = 7): RatingsMatrix {
  const r = plantedRatings(nnz, { seed });
  return ratingsMatrix(r.users, r.items, r.user, r.item, r.rating);
}

/** The FLOP floor of one sweep (both half-sweeps): Gram accumulation plus one Cholesky solve and two triangular solves per row. */
export function flopFloor(m: RatingsMatrix, k: number): number {
  const nnz = m.byUser.indices.length;
  const rows = m.byUser.rows + m.byItem.rows;
  return 2 * nnz * k * (k + 1) + rows * (k ** 3 / 3 + 2 * k ** 2);
}

/**
 * What one sweep of our trainer computes: the kernel's upper-triangle Gram accumulation and right-hand side per
 * rating, one Cholesky solve and two triangular solves per row, and the loss and RMSE it reports after each
 * iteration (each item row's squared error as a quadratic form of the sums the kernel already holds, and a norm per
 * row for the penalty).
 */
export function trainerFlops(m: RatingsMatrix, k: number): number {
  const nnz = m.byUser.indices.length;
  const rows = m.byUser.rows + m.byItem.rows;
  return 2 * nnz * (k * (k + 1) + 2 * k) + rows * (k ** 3 / 3 + 2 * k ** 2) + 2 * m.byItem.rows * (k + 1) ** 2 + 2 * rows * k;
}
