import type { AlsModel, AlsParams, ValidationSet } from '../engine/model/als-contract';
import type { Csr } from './csr';
import { gram } from './kernels/kernel';
import type { RatingsMatrix } from './sweeper';

/** A model without its training history. */
export type ModelParts = Omit<AlsModel, 'history'>;

function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += a[ao + j]! * b[bo + j]!;
  return s;
}

/** The predicted rating (explicit) or preference (implicit) of dense user u for dense item i. */
export function score(m: ModelParts, u: number, i: number): number {
  return dot(m.userFactors, u * m.rank, m.itemFactors, i * m.rank, m.rank) + m.globalMean + m.userBias[u]! + m.itemBias[i]!;
}

/** The penalty Σ n_r·‖row‖² over one side, the bias included where it is a free parameter. */
function penalty(m: Csr, factors: Float64Array, rank: number, biases: Float64Array | undefined): number {
  let total = 0;
  for (let r = 0; r < m.rows; r++) {
    const n = m.indptr[r + 1]! - m.indptr[r]!;
    let sq = dot(factors, r * rank, factors, r * rank, rank);
    if (biases) sq += biases[r]! ** 2;
    total += n * sq;
  }
  return total;
}

/**
 * The objective per rating, and the training RMSE for explicit feedback. `sse`, when the last half-sweep's kernel
 * gave it (explicit only), is the squared error over all ratings at this model; otherwise it is computed here, a
 * dot product per rating.
 */
export function objective(matrix: RatingsMatrix, m: ModelParts, p: AlsParams, bias: AlsParams['bias'], sse?: number): { loss: number; trainRmse?: number } {
  const { byUser } = matrix;
  const nnz = byUser.indices.length || 1;
  const reg =
    p.regParam *
    (penalty(byUser, m.userFactors, m.rank, bias.user ? m.userBias : undefined) +
      penalty(matrix.byItem, m.itemFactors, m.rank, bias.item ? m.itemBias : undefined));
  if (p.implicitPrefs) return { loss: (implicitFit(byUser, m, p.alpha) + reg) / nnz };
  const fit = sse ?? squaredError(byUser, m);
  return { loss: (fit + reg) / nnz, trainRmse: Math.sqrt(fit / nnz) };
}

/** Σ (r − score)² over the training ratings. */
function squaredError(byUser: Csr, m: ModelParts): number {
  let sse = 0;
  for (let u = 0; u < byUser.rows; u++) {
    for (let e = byUser.indptr[u]!; e < byUser.indptr[u + 1]!; e++) sse += (byUser.values[e]! - score(m, u, byUser.indices[e]!)) ** 2;
  }
  return sse;
}

/** Σ over all pairs of c·(p − s)², c = 1 for the unobserved ones. */
function implicitFit(byUser: Csr, m: ModelParts, alpha: number): number {
  // Σ over all pairs of s² is Σ_u xᵀ(YᵀY)x; the observed pairs then swap their s² for c·(p − s)².
  const g = gram(m.itemFactors, m.rank);
  let fit = 0;
  for (let u = 0; u < byUser.rows; u++) {
    const o = u * m.rank;
    for (let a = 0; a < m.rank; a++) fit += m.userFactors[o + a]! * dot(g, a * m.rank, m.userFactors, o, m.rank);
  }
  for (let u = 0; u < byUser.rows; u++) {
    for (let e = byUser.indptr[u]!; e < byUser.indptr[u + 1]!; e++) {
      const v = byUser.values[e]!;
      const s = score(m, u, byUser.indices[e]!);
      fit += (1 + alpha * Math.abs(v)) * ((v > 0 ? 1 : 0) - s) ** 2 - s * s;
    }
  }
  return fit;
}

/** RMSE on held-out ratings; pairs with a user or item the training did not see are skipped. */
export function validationRmse(m: ModelParts, v: ValidationSet): number | undefined {
  let sse = 0;
  let n = 0;
  for (let e = 0; e < v.rating.length; e++) {
    const u = v.user[e]!;
    const i = v.item[e]!;
    if (u < 0 || i < 0) continue;
    sse += (v.rating[e]! - score(m, u, i)) ** 2;
    n++;
  }
  return n === 0 ? undefined : Math.sqrt(sse / n);
}
