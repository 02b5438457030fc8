import { csrFromTriples, type Csr } from '../csr';
import type { SolveJob } from '../kernels/kernel';
import { gram } from '../kernels/kernel';
import { SeededRandom } from '../rng';

export interface RandomJobOptions {
  rows: number;
  cols: number;
  dim: number;
  /** Chance that a (row, col) pair has an entry. */
  density: number;
  seed: number;
  implicit?: boolean;
  nonnegative?: boolean;
  withOffsets?: boolean;
  lambda?: number;
}

/** A seeded half-sweep problem for comparing kernels: ratings 1–5 (or counts, for implicit), factors ~ N(0, 0.3²). */
export function randomJob(o: RandomJobOptions): { job: SolveJob; csr: Csr } {
  const rng = new SeededRandom(o.seed);
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < o.rows; i++) {
    for (let j = 0; j < o.cols; j++) {
      if (rng.next() >= o.density) continue;
      r.push(i);
      c.push(j);
      v.push(o.implicit ? 1 + Math.floor(rng.next() * 4) : 1 + Math.floor(rng.next() * 5));
    }
  }
  const csr = csrFromTriples(o.rows, o.cols, Int32Array.from(r), Int32Array.from(c), Float64Array.from(v));
  const fixed = new Float64Array(o.cols * o.dim);
  for (let i = 0; i < fixed.length; i++) fixed[i] = 0.3 * rng.normal();
  const offsets = new Float64Array(o.cols);
  for (let i = 0; i < offsets.length; i++) offsets[i] = 0.5 * rng.normal();
  const job: SolveJob = {
    indptr: csr.indptr,
    indices: csr.indices,
    values: csr.values,
    start: 0,
    end: o.rows,
    fixed,
    dim: o.dim,
    shift: o.withOffsets ? 3.2 : 0,
    fixedOffset: o.withOffsets ? offsets : null,
    lambda: o.lambda ?? 0.1,
    nonnegative: o.nonnegative ?? false,
    implicit: o.implicit ? { alpha: 2, gram: gram(fixed, o.dim) } : null,
  };
  return { job, csr };
}

/** Largest |a − b| over the largest |b|: the relative disagreement of two kernels' answers. */
export function relativeGap(a: Float64Array, b: Float64Array): number {
  let gap = 0;
  let scale = 1e-300;
  for (let i = 0; i < b.length; i++) {
    gap = Math.max(gap, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return gap / scale;
}
