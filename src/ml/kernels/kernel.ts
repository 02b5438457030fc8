/**
 * The contract every ALS kernel keeps, whatever it runs on (plain TS, WebAssembly SIMD, WebGPU).
 *
 * One half-sweep solves, for every row r of the side being updated, the regularised least-squares problem
 *
 *   explicit:  min_x  Σ_{j∈row r} (t_rj − x·f_j)²  +  λ·n_r·‖x‖²          t_rj = v_rj − shift − fixedOffset[j]
 *   implicit:  min_x  Σ_{all j} c_rj (p_rj − x·f_j)²  +  λ·n_r·‖x‖²         c = 1 + α|v|, p = [v > 0]
 *
 * where f_j is row j of the fixed side's matrix (dim columns) and n_r is the row's entry count (ALS-WR, as Spark
 * scales λ). Explicit solves the normal equations (Σ f fᵀ + λ n I) x = Σ t f by Cholesky; implicit uses the shared
 * Gram FᵀF plus corrections for the observed entries only (Hu–Koren–Volinsky). Nonnegative replaces the Cholesky solve
 * by coordinate descent on the same normal equations with x ≥ 0. A row without entries gets the zero vector.
 */
export interface SolveJob {
  /** The rows being solved, in CSR: entry columns index rows of `fixed`. */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Solve rows [start, end). */
  start: number;
  end: number;
  /** The fixed side, row-major, `dim` columns. */
  fixed: Float64Array;
  dim: number;
  /** Subtracted from every value (the global mean, in the bias model). */
  shift: number;
  /** Subtracted per fixed row (the other side's bias), or null. Explicit only. */
  fixedOffset: Float64Array | null;
  lambda: number;
  nonnegative: boolean;
  /** Set for implicit feedback: α and the Gram matrix FᵀF (dim × dim, row-major). */
  implicit: { alpha: number; gram: Float64Array } | null;
}

/**
 * A kernel that runs on the calling thread. `out` holds (end − start) × dim values, row-major. `rowSse`, when given
 * (explicit feedback only), receives each row's squared error Σ_j (t_rj − x·f_j)² at the x just solved: with the
 * fixed side held, that is the row's share of the objective's fit term, which the trainer reports without a pass of
 * its own over the ratings. A row without entries gets 0.
 */
export interface CpuKernel {
  readonly name: 'ts' | 'wasm';
  solve(job: SolveJob, out: Float64Array, rowSse?: Float64Array): void;
}

/** Coordinate-descent sweeps for the nonnegative solve; it stops earlier once no coordinate moves by more than the tolerance. */
export const NNLS_MAX_SWEEPS = 200;
export const NNLS_TOLERANCE = 1e-10;
/** A pivot below this is raised to it: a row whose normal matrix is singular (λ = 0) still gets a finite answer. */
export const MIN_PIVOT = 1e-12;

/** FᵀF of a row-major matrix with `dim` columns: the implicit model's shared term, computed once per half-sweep. */
export function gram(fixed: Float64Array, dim: number): Float64Array {
  const g = new Float64Array(dim * dim);
  const rows = fixed.length / dim;
  for (let r = 0; r < rows; r++) {
    const o = r * dim;
    for (let a = 0; a < dim; a++) {
      const fa = fixed[o + a]!;
      if (fa === 0) continue;
      for (let b = a; b < dim; b++) g[a * dim + b]! += fa * fixed[o + b]!;
    }
  }
  for (let a = 0; a < dim; a++) for (let b = 0; b < a; b++) g[a * dim + b] = g[b * dim + a]!;
  return g;
}
