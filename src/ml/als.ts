import type { AlsModel, AlsParams, IterationReport, TrainingHooks, ValidationSet } from '../engine/model/als-contract';

export type { AlsModel, AlsParams, IterationReport, ValidationSet };
export { score } from './objective';
import { gram } from './kernels/kernel';
import { objective, validationRmse } from './objective';
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
  let userFactors = initialFactors(users, rank, params.nonnegative, rng);
  let itemFactors = initialFactors(items, rank, params.nonnegative, rng);
  const userBias = new Float64Array(users);
  const itemBias = new Float64Array(items);
  const globalMean = bias.global ? mean(matrix.byUser.values) : 0;
  const history: IterationReport[] = [];
  const started = performance.now();

  // Returns the squared error over all ratings at the solved rows when the kernel computed it (explicit feedback, on
  // the CPU): after the items' half-sweep, with the users held, that is the fit term of the iteration's loss.
  const halfSweep = async (side: Side): Promise<number | undefined> => {
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
      rowSse: !solvingUsers && !params.implicitPrefs,
    });
    // Without a bias column the solved rows are the factors as they are: take them rather than copy them.
    if (!ownBias) {
      if (solvingUsers) userFactors = solved.rows;
      else itemFactors = solved.rows;
    } else unpack(solved.rows, dim, rank, solvingUsers ? userFactors : itemFactors, solvingUsers ? userBias : itemBias);
    return solved.rowSse ? sum(solved.rowSse) : undefined;
  };

  for (let iteration = 1; iteration <= params.maxIter; iteration++) {
    await halfSweep('users');
    const sse = await halfSweep('items');
    const model = { rank, userFactors, itemFactors, userBias, itemBias, globalMean };
    const report: IterationReport = { iteration, ...objective(matrix, model, params, bias, sse), seconds: (performance.now() - started) / 1000 };
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

/** Splits solved rows of rank + 1 columns into the factors and the bias. */
function unpack(solved: Float64Array, dim: number, rank: number, factors: Float64Array, biasOut: Float64Array): void {
  const rows = factors.length / rank;
  for (let r = 0; r < rows; r++) {
    factors.set(solved.subarray(r * dim, r * dim + rank), r * rank);
    biasOut[r] = solved[r * dim + rank]!;
  }
}

/** Sums in index order, so the total does not depend on how rows were split across workers. */
function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function mean(values: Float64Array): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}
