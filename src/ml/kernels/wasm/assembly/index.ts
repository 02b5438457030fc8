// The ALS half-sweep kernel, compiled by `npm run build:wasm` (asc --enable simd -O3, stub runtime).
// The host lays its buffers out in linear memory from `heapBase()` on, grows memory with `reservePages`, and calls
// `solve`; nothing in here allocates. The maths is that of `src/ml/kernels/ts-kernel.ts`, in f64 throughout.
import { accumulateChunk, addToDiagonal, chunkEntries, gatherChunk, packedWidth, squaredError, startNormalEquations, unpackNormalEquations } from './normal-equations';
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
 * Bytes of the work area `solve` needs at dimension `dim` (the host reserves them and passes their start): an upper
 * bound, in f64 so that a dimension too large for wasm32 reads as too large rather than wrapping around.
 */
export function scratchBytes(dim: i32): f64 {
  const d = <f64>dim;
  const width = <f64>packedWidth(dim);
  const chunk = <f64>chunkEntries(dim);
  // a, b, x, G, P, Q, targets, weights: their doubles, plus up to 16 bytes each for alignment.
  return (d * d + 2 * d + width * width + 2 * chunk * width + 2 * chunk) * 8 + 8 * 16;
}

// Where each piece of the work area sits, from `scratch` on, every piece 16-byte aligned. Globals rather than an
// object: the host owns all memory from `heapBase()` up, so nothing in here may allocate.
let scratchA: usize = 0;
let scratchB: usize = 0;
let scratchX: usize = 0;
let scratchG: usize = 0;
let scratchP: usize = 0;
let scratchQ: usize = 0;
let scratchTargets: usize = 0;
let scratchWeights: usize = 0;

function placeScratch(dim: i32, scratch: usize): void {
  const d = <usize>dim;
  const width = <usize>packedWidth(dim);
  const chunk = <usize>chunkEntries(dim);
  scratchA = scratch;
  scratchB = align16(scratchA + ((d * d) << 3));
  scratchX = align16(scratchB + (d << 3));
  scratchG = align16(scratchX + (d << 3));
  scratchP = align16(scratchG + ((width * width) << 3));
  scratchQ = align16(scratchP + ((chunk * width) << 3));
  scratchTargets = align16(scratchQ + ((chunk * width) << 3));
  scratchWeights = align16(scratchTargets + (chunk << 3));
}

function align16(offset: usize): usize {
  return (offset + 15) & ~(<usize>15);
}

/**
 * Solves `rows` consecutive rows. `indptr` points at those rows' rowptr values (rows + 1 of them) and `entryBase`
 * is the entry number that `indices`/`values` start at. `fixedOffset` and `gram` are 0 when absent. `scratch` holds
 * `scratchBytes(dim)` bytes. `out` receives rows × d doubles; `sse`, unless 0, each row's squared error at its solution
 * (explicit feedback only).
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
  sse: usize,
  scratch: usize,
): void {
  const d = dim;
  const vectorBytes = <usize>d << 3;
  const chunk = chunkEntries(d);
  placeScratch(d, scratch);
  const a = scratchA;
  const b = scratchB;
  const x = scratchX;
  const g = scratchG;
  const p = scratchP;
  // Explicit entries all weigh 1, so the scaled copy Q is P itself.
  const q = gram != 0 ? scratchQ : p;
  for (let r = 0; r < rows; r++) {
    const lo = load<i32>(indptr + (<usize>r << 2)) - entryBase;
    const hi = load<i32>(indptr + (<usize>(r + 1) << 2)) - entryBase;
    const target = out + <usize>r * vectorBytes;
    if (hi == lo) {
      memory.fill(target, 0, vectorBytes);
      if (sse != 0) store<f64>(sse + (<usize>r << 3), 0);
      continue;
    }
    startNormalEquations(g, d, gram);
    for (let start = lo; start < hi; start += chunk) {
      const n = min(chunk, hi - start);
      for (let k = 0; k < n; k++) {
        const e = start + k;
        const c = load<i32>(indices + (<usize>e << 2));
        const v = load<f64>(values + (<usize>e << 3));
        store<f64>(scratchWeights + (<usize>k << 3), weightOf(v, gram, alpha));
        store<f64>(scratchTargets + (<usize>k << 3), targetOf(v, c, gram, alpha, shift, fixedOffset));
      }
      gatherChunk(p, q, fixed, d, indices + (<usize>start << 2), scratchWeights, scratchTargets, n);
      accumulateChunk(g, q, p, d, n);
    }
    unpackNormalEquations(g, d, a, b);
    addToDiagonal(a, d, lambda * <f64>(hi - lo));
    if (nonnegative) {
      mirrorLowerToUpper(a, d);
      solveNonnegative(a, b, x, d);
    } else {
      solveCholesky(a, b, x, d);
    }
    memory.copy(target, x, vectorBytes);
    if (sse != 0) store<f64>(sse + (<usize>r << 3), squaredError(g, d, x));
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
