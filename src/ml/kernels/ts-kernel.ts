import { MIN_PIVOT, NNLS_MAX_SWEEPS, NNLS_TOLERANCE, type CpuKernel, type SolveJob } from './kernel';

/**
 * The reference kernel in plain TypeScript: the other kernels are tested against it. Straightforward loops, f64
 * throughout; only the upper triangle of the normal matrix is accumulated, then mirrored.
 */
export const tsKernel: CpuKernel = {
  name: 'ts',
  solve(job: SolveJob, out: Float64Array, rowSse?: Float64Array): void {
    const { dim: d, fixed, indptr, indices, values } = job;
    const a = new Float64Array(d * d);
    const b = new Float64Array(d);
    const x = new Float64Array(d);
    for (let r = job.start; r < job.end; r++) {
      const lo = indptr[r]!;
      const hi = indptr[r + 1]!;
      const o = (r - job.start) * d;
      if (hi === lo) {
        out.fill(0, o, o + d);
        if (rowSse) rowSse[r - job.start] = 0;
        continue;
      }
      if (job.implicit) a.set(job.implicit.gram);
      else a.fill(0);
      b.fill(0);
      for (let e = lo; e < hi; e++) {
        const f = indices[e]! * d;
        const v = values[e]!;
        let weight: number;
        let target: number;
        if (job.implicit) {
          const c1 = job.implicit.alpha * Math.abs(v);
          weight = c1;
          target = v > 0 ? 1 + c1 : 0;
        } else {
          weight = 1;
          target = v - job.shift - (job.fixedOffset ? job.fixedOffset[indices[e]!]! : 0);
        }
        for (let i = 0; i < d; i++) {
          const fi = fixed[f + i]!;
          b[i]! += target * fi;
          const wfi = weight * fi;
          for (let j = i; j < d; j++) a[i * d + j]! += wfi * fixed[f + j]!;
        }
      }
      const reg = job.lambda * (hi - lo);
      for (let i = 0; i < d; i++) {
        a[i * d + i]! += reg;
        for (let j = 0; j < i; j++) a[i * d + j] = a[j * d + i]!;
      }
      if (job.nonnegative) solveNonnegative(a, b, x, d);
      else solveCholesky(a, b, x, d);
      out.set(x, o);
      if (rowSse) rowSse[r - job.start] = squaredError(job, lo, hi, x);
    }
  },
};

/** Σ (t − x·f)² over entries [lo, hi) of an explicit job, residual by residual. */
function squaredError(job: SolveJob, lo: number, hi: number, x: Float64Array): number {
  const { dim: d, fixed, indices, values } = job;
  let sse = 0;
  for (let e = lo; e < hi; e++) {
    const f = indices[e]! * d;
    let residual = values[e]! - job.shift - (job.fixedOffset ? job.fixedOffset[indices[e]!]! : 0);
    for (let i = 0; i < d; i++) residual -= x[i]! * fixed[f + i]!;
    sse += residual * residual;
  }
  return sse;
}

/** Solves A x = b for symmetric positive-definite A in place (A is overwritten by its Cholesky factor L). */
export function solveCholesky(a: Float64Array, b: Float64Array, x: Float64Array, d: number): void {
  for (let j = 0; j < d; j++) {
    let s = a[j * d + j]!;
    for (let k = 0; k < j; k++) s -= a[j * d + k]! * a[j * d + k]!;
    const pivot = Math.sqrt(Math.max(s, MIN_PIVOT));
    a[j * d + j] = pivot;
    for (let i = j + 1; i < d; i++) {
      let t = a[i * d + j]!;
      for (let k = 0; k < j; k++) t -= a[i * d + k]! * a[j * d + k]!;
      a[i * d + j] = t / pivot;
    }
  }
  // Forward: L y = b; then back: Lᵀ x = y.
  for (let i = 0; i < d; i++) {
    let t = b[i]!;
    for (let k = 0; k < i; k++) t -= a[i * d + k]! * x[k]!;
    x[i] = t / a[i * d + i]!;
  }
  for (let i = d - 1; i >= 0; i--) {
    let t = x[i]!;
    for (let k = i + 1; k < d; k++) t -= a[k * d + i]! * x[k]!;
    x[i] = t / a[i * d + i]!;
  }
}

/** min ½xᵀAx − bᵀx subject to x ≥ 0, by cyclic coordinate descent from zero. */
export function solveNonnegative(a: Float64Array, b: Float64Array, x: Float64Array, d: number): void {
  x.fill(0);
  for (let sweep = 0; sweep < NNLS_MAX_SWEEPS; sweep++) {
    let moved = 0;
    for (let j = 0; j < d; j++) {
      let g = b[j]!;
      for (let k = 0; k < d; k++) g -= a[j * d + k]! * x[k]!;
      const diag = Math.max(a[j * d + j]!, MIN_PIVOT);
      const next = Math.max(0, x[j]! + g / diag);
      moved = Math.max(moved, Math.abs(next - x[j]!));
      x[j] = next;
    }
    if (moved <= NNLS_TOLERANCE) break;
  }
}
