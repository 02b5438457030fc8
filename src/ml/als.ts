import type { AlsModel, AlsParams, IterationReport, TrainingHooks, ValidationSet } from '../engine/model/als-contract';

export type { AlsModel, AlsParams, IterationReport, ValidationSet };
import type { Csr } from './csr';
import { gram } from './kernels/kernel';
import { SeededRandom } from './rng';
import type { RatingsMatrix, Side, Sweeper } from './sweeper';

/** Thrown when the signal stops training between half-sweeps. */
export class TrainingCancelled extends Error {
  constructor() {
    super('Training was cancelled.');
    this.name = 'TrainingCancelled';
  }
}

/**
 * Alternating least squares: fix the items and solve every user exactly, then the reverse, `maxIter` times. Each
 * half-sweep minimises the same objective over one side, so the loss cannot increase. Explicit feedback is ALS-WR
 * (λ scaled by each row's rating count, as in Spark) with optional bias terms; implicit is Hu–Koren–Volinsky.
 */
export interface TrainHooks extends TrainingHooks {
  validation?: ValidationSet;
}

export async function trainAls(matrix: RatingsMatrix, params: AlsParams, sweeper: Sweeper, hooks: TrainHooks = {}): Promise<AlsModel> {
  const { rank } = params;
  const users = matrix.byUser.rows;
  const items = matrix.byItem.rows;
  const bias = params.implicitPrefs ? { global: false, user: false, item: false } : params.bias;
  const rng = new SeededRandom(params.seed);
  const userFactors = initialFactors(users, rank, params.nonnegative, rng);
  const itemFactors = initialFactors(items, rank, params.nonnegative, rng);
  const userBias = new Float64Array(users);
  const itemBias = new Float64Array(items);
  const globalMean = bias.global ? mean(matrix.byUser.values) : 0;
  const history: IterationReport[] = [];
  const started = performance.now();

  const halfSweep = async (side: Side) => {
    if (hooks.signal?.aborted) throw new TrainingCancelled();
    const solvingUsers = side === 'users';
    const ownBias = solvingUsers ? bias.user : bias.item;
    const otherBias = solvingUsers ? bias.item : bias.user;
    const fixed = augmented(solvingUsers ? itemFactors : userFactors, rank, ownBias);
    const dim = rank + (ownBias ? 1 : 0);
    const solved = await sweeper.solve(side, {
      fixed,
      dim,
      shift: globalMean,
      fixedOffset: otherBias ? (solvingUsers ? itemBias : userBias) : null,
      lambda: params.regParam,
      nonnegative: params.nonnegative,
      implicit: params.implicitPrefs ? { alpha: params.alpha, gram: gram(fixed, dim) } : null,
    });
    unpack(solved, dim, rank, solvingUsers ? userFactors : itemFactors, ownBias ? (solvingUsers ? userBias : itemBias) : undefined);
  };

  for (let iteration = 1; iteration <= params.maxIter; iteration++) {
    await halfSweep('users');
    await halfSweep('items');
    const model = { rank, userFactors, itemFactors, userBias, itemBias, globalMean };
    const report: IterationReport = { iteration, ...objective(matrix, model, params, bias), seconds: (performance.now() - started) / 1000 };
    if (hooks.validation && !params.implicitPrefs) report.validationRmse = validationRmse(model, hooks.validation);
    history.push(report);
    hooks.onIteration?.(report);
  }
  return { rank, userFactors, itemFactors, userBias, itemBias, globalMean, history };
}

/** Spark's initialisation: each vector drawn from N(0, I) and scaled to unit length (absolute values when nonnegative). */
function initialFactors(rows: number, rank: number, nonnegative: boolean, rng: SeededRandom): Float64Array {
  const f = new Float64Array(rows * rank);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let j = 0; j < rank; j++) {
      const v = rng.normal();
      f[r * rank + j] = nonnegative ? Math.abs(v) : v;
      norm += v * v;
    }
    const scale = 1 / Math.sqrt(norm || 1);
    for (let j = 0; j < rank; j++) f[r * rank + j]! *= scale;
  }
  return f;
}

/** The fixed side as the solver sees it: its factors, plus a column of ones when the solved side has a bias. */
function augmented(factors: Float64Array, rank: number, withOnes: boolean): Float64Array {
  if (!withOnes) return factors;
  const rows = factors.length / rank;
  const out = new Float64Array(rows * (rank + 1));
  for (let r = 0; r < rows; r++) {
    out.set(factors.subarray(r * rank, (r + 1) * rank), r * (rank + 1));
    out[r * (rank + 1) + rank] = 1;
  }
  return out;
}

function unpack(solved: Float64Array, dim: number, rank: number, factors: Float64Array, biasOut: Float64Array | undefined): void {
  const rows = factors.length / rank;
  for (let r = 0; r < rows; r++) {
    factors.set(solved.subarray(r * dim, r * dim + rank), r * rank);
    if (biasOut) biasOut[r] = solved[r * dim + rank]!;
  }
}

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length === 0 ? 0 : s / values.length;
}

type ModelParts = Omit<AlsModel, 'history'>;

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

/** The objective per rating, and the training RMSE for explicit feedback. */
function objective(matrix: RatingsMatrix, m: ModelParts, p: AlsParams, bias: AlsParams['bias']): { loss: number; trainRmse?: number } {
  const { byUser } = matrix;
  const nnz = byUser.indices.length || 1;
  const reg =
    p.regParam *
    (penalty(byUser, m.userFactors, m.rank, bias.user ? m.userBias : undefined) +
      penalty(matrix.byItem, m.itemFactors, m.rank, bias.item ? m.itemBias : undefined));
  let fit = 0;
  if (p.implicitPrefs) {
    // Σ over all pairs of s² is Σ_u xᵀ(YᵀY)x; the observed pairs then swap their s² for c·(p − s)².
    const g = gram(m.itemFactors, m.rank);
    for (let u = 0; u < byUser.rows; u++) {
      const o = u * m.rank;
      for (let a = 0; a < m.rank; a++) fit += m.userFactors[o + a]! * dot(g, a * m.rank, m.userFactors, o, m.rank);
    }
  }
  let sse = 0;
  for (let u = 0; u < byUser.rows; u++) {
    for (let e = byUser.indptr[u]!; e < byUser.indptr[u + 1]!; e++) {
      const i = byUser.indices[e]!;
      const v = byUser.values[e]!;
      const s = score(m, u, i);
      if (p.implicitPrefs) {
        const c = 1 + p.alpha * Math.abs(v);
        fit += c * ((v > 0 ? 1 : 0) - s) ** 2 - s * s;
      } else sse += (v - s) ** 2;
    }
  }
  if (p.implicitPrefs) return { loss: (fit + reg) / nnz };
  return { loss: (sse + reg) / nnz, trainRmse: Math.sqrt(sse / nnz) };
}

function validationRmse(m: ModelParts, v: ValidationSet): number | undefined {
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
