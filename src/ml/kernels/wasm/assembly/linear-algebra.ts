// Dense f64 linear algebra on row-major d × d matrices in linear memory, vectorised with f64x2 lanes.
// Only the lower triangle of a matrix is read unless a comment says otherwise.

/** Settings shared with `kernel.ts` (MIN_PIVOT, NNLS_MAX_SWEEPS, NNLS_TOLERANCE); the host sets them once via `configure`. */
export let minPivot: f64 = 1e-12;
export let nnlsMaxSweeps: i32 = 200;
export let nnlsTolerance: f64 = 1e-10;

export function setSolverSettings(pivot: f64, sweeps: i32, tolerance: f64): void {
  minPivot = pivot;
  nnlsMaxSweeps = sweeps;
  nnlsTolerance = tolerance;
}

/** Σ p[k]·q[k] for k < n. Two vector accumulators keep two additions in flight. */
export function dot(p: usize, q: usize, n: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const o = <usize>k << 3;
    acc0 = f64x2.add(acc0, f64x2.mul(v128.load(p + o), v128.load(q + o)));
    acc1 = f64x2.add(acc1, f64x2.mul(v128.load(p + o, 16), v128.load(q + o, 16)));
  }
  if (k + 2 <= n) {
    const o = <usize>k << 3;
    acc0 = f64x2.add(acc0, f64x2.mul(v128.load(p + o), v128.load(q + o)));
    k += 2;
  }
  const acc = f64x2.add(acc0, acc1);
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (k < n) {
    const o = <usize>k << 3;
    s += load<f64>(p + o) * load<f64>(q + o);
  }
  return s;
}

/** y[k] += s·p[k] for k < n. */
export function axpy(y: usize, p: usize, s: f64, n: i32): void {
  const sv = f64x2.splat(s);
  let k = 0;
  for (; k + 2 <= n; k += 2) {
    const o = <usize>k << 3;
    v128.store(y + o, f64x2.add(v128.load(y + o), f64x2.mul(sv, v128.load(p + o))));
  }
  if (k < n) {
    const o = <usize>k << 3;
    store<f64>(y + o, load<f64>(y + o) + s * load<f64>(p + o));
  }
}

function rowAt(a: usize, i: i32, d: i32): usize {
  return a + ((<usize>i * <usize>d) << 3);
}

/** Copies the lower triangle onto the upper one, for solvers that read whole rows. */
export function mirrorLowerToUpper(a: usize, d: i32): void {
  for (let i = 0; i < d; i++) {
    const row = rowAt(a, i, d);
    for (let j = 0; j < i; j++) store<f64>(rowAt(a, j, d) + (<usize>i << 3), load<f64>(row + (<usize>j << 3)));
  }
}

/**
 * Solves A x = b for symmetric positive-definite A, overwriting A's lower triangle by its Cholesky factor L.
 * Every inner product runs along rows, so it vectorises; the back substitution is column-oriented for the same reason.
 */
export function solveCholesky(a: usize, b: usize, x: usize, d: i32): void {
  for (let j = 0; j < d; j++) {
    const rowJ = rowAt(a, j, d);
    const diagonal = rowJ + (<usize>j << 3);
    const pivot = Math.sqrt(Math.max(load<f64>(diagonal) - dot(rowJ, rowJ, j), minPivot));
    store<f64>(diagonal, pivot);
    for (let i = j + 1; i < d; i++) {
      const rowI = rowAt(a, i, d);
      const cell = rowI + (<usize>j << 3);
      store<f64>(cell, (load<f64>(cell) - dot(rowI, rowJ, j)) / pivot);
    }
  }
  // L y = b, row by row.
  for (let i = 0; i < d; i++) {
    const rowI = rowAt(a, i, d);
    const o = <usize>i << 3;
    store<f64>(x + o, (load<f64>(b + o) - dot(rowI, x, i)) / load<f64>(rowI + o));
  }
  // Lᵀ x = y: once x[i] is final, row i of L carries its share into every x[k], k < i.
  for (let i = d - 1; i >= 0; i--) {
    const rowI = rowAt(a, i, d);
    const o = <usize>i << 3;
    const xi = load<f64>(x + o) / load<f64>(rowI + o);
    store<f64>(x + o, xi);
    axpy(x, rowI, -xi, i);
  }
}

/** min ½xᵀAx − bᵀx subject to x ≥ 0, by cyclic coordinate descent from zero. Reads the whole of A. */
export function solveNonnegative(a: usize, b: usize, x: usize, d: i32): void {
  memory.fill(x, 0, <usize>d << 3);
  for (let sweep = 0; sweep < nnlsMaxSweeps; sweep++) {
    let moved: f64 = 0;
    for (let j = 0; j < d; j++) {
      const rowJ = rowAt(a, j, d);
      const o = <usize>j << 3;
      const gradient = load<f64>(b + o) - dot(rowJ, x, d);
      const current = load<f64>(x + o);
      const next = Math.max(0, current + gradient / Math.max(load<f64>(rowJ + o), minPivot));
      moved = Math.max(moved, Math.abs(next - current));
      store<f64>(x + o, next);
    }
    if (moved <= nnlsTolerance) break;
  }
}
