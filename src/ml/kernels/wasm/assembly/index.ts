// The ALS half-sweep kernel, compiled by `npm run build:wasm` (asc --enable simd -O3, stub runtime).
// The host lays its buffers out in linear memory from `heapBase()` on, grows memory with `reservePages`, and calls
// `solve`; nothing in here allocates. The maths is that of `src/ml/kernels/ts-kernel.ts`, in f64 throughout.
import { addOneEntry, addToDiagonal, addTwoEntries } from './normal-equations';
import { mirrorLowerToUpper, setSolverSettings, solveCholesky, solveNonnegative } from './linear-algebra';

/** The first byte the host may use, 16-byte aligned. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/** Grows memory to at least `pages` 64 KiB pages; false if the engine refuses. */
export function reservePages(pages: i32): bool {
  const have = memory.size();
  return pages <= have || memory.grow(pages - have) >= 0;
}

/** Takes the solver constants from the host, so the two kernels cannot drift apart. */
export function configure(minPivot: f64, nnlsMaxSweeps: i32, nnlsTolerance: f64): void {
  setSolverSettings(minPivot, nnlsMaxSweeps, nnlsTolerance);
}

/**
 * Solves `rows` consecutive rows. `indptr` points at those rows' rowptr values (rows + 1 of them) and `entryBase`
 * is the entry number that `indices`/`values` start at. `fixedOffset` and `gram` are 0 when absent. `scratch` holds
 * d·d + 2·d doubles. `out` receives rows × d doubles.
 */
export function solve(
  indptr: usize,
  indices: usize,
  values: usize,
  entryBase: i32,
  rows: i32,
  fixed: usize,
  dim: i32,
  shift: f64,
  fixedOffset: usize,
  lambda: f64,
  nonnegative: bool,
  alpha: f64,
  gram: usize,
  out: usize,
  scratch: usize,
): void {
  const d = dim;
  const vectorBytes = <usize>d << 3;
  const matrixBytes = (<usize>d * <usize>d) << 3;
  const a = scratch;
  const b = a + matrixBytes;
  const x = b + vectorBytes;
  for (let r = 0; r < rows; r++) {
    const lo = load<i32>(indptr + (<usize>r << 2)) - entryBase;
    const hi = load<i32>(indptr + (<usize>(r + 1) << 2)) - entryBase;
    const target = out + <usize>r * vectorBytes;
    if (hi == lo) {
      memory.fill(target, 0, vectorBytes);
      continue;
    }
    if (gram != 0) memory.copy(a, gram, matrixBytes);
    else memory.fill(a, 0, matrixBytes);
    memory.fill(b, 0, vectorBytes);
    let e = lo;
    for (; e + 1 < hi; e += 2) {
      const c1 = load<i32>(indices + (<usize>e << 2));
      const c2 = load<i32>(indices + (<usize>(e + 1) << 2));
      const v1 = load<f64>(values + (<usize>e << 3));
      const v2 = load<f64>(values + (<usize>(e + 1) << 3));
      addTwoEntries(
        a, b, d,
        fixed + <usize>c1 * vectorBytes, weightOf(v1, gram, alpha), targetOf(v1, c1, gram, alpha, shift, fixedOffset),
        fixed + <usize>c2 * vectorBytes, weightOf(v2, gram, alpha), targetOf(v2, c2, gram, alpha, shift, fixedOffset),
      );
    }
    if (e < hi) {
      const c = load<i32>(indices + (<usize>e << 2));
      const v = load<f64>(values + (<usize>e << 3));
      addOneEntry(a, b, d, fixed + <usize>c * vectorBytes, weightOf(v, gram, alpha), targetOf(v, c, gram, alpha, shift, fixedOffset));
    }
    addToDiagonal(a, d, lambda * <f64>(hi - lo));
    if (nonnegative) {
      mirrorLowerToUpper(a, d);
      solveNonnegative(a, b, x, d);
    } else {
      solveCholesky(a, b, x, d);
    }
    memory.copy(target, x, vectorBytes);
  }
}

/** Explicit entries weigh 1; implicit ones add the confidence beyond the Gram term, c − 1 = α|v|. */
function weightOf(v: f64, gram: usize, alpha: f64): f64 {
  return gram != 0 ? alpha * Math.abs(v) : 1;
}

/** Explicit: the residual after the mean and the other side's bias. Implicit: c·p, i.e. 1 + α|v| where v > 0, else 0. */
function targetOf(v: f64, column: i32, gram: usize, alpha: f64, shift: f64, fixedOffset: usize): f64 {
  if (gram != 0) return v > 0 ? 1 + alpha * Math.abs(v) : 0;
  return v - shift - (fixedOffset != 0 ? load<f64>(fixedOffset + (<usize>column << 3)) : 0);
}
