import { describe, expect, it } from 'vitest';
import { randomJob } from '../testing/random-job';
import type { SolveJob } from './kernel';
import { tsKernel } from './ts-kernel';

/** The objective of one row, evaluated directly from its definition (over every column for implicit). */
function rowObjective(job: SolveJob, r: number, x: Float64Array, cols: number): number {
  const d = job.dim;
  const dot = (j: number) => {
    let s = 0;
    for (let i = 0; i < d; i++) s += x[i]! * job.fixed[j * d + i]!;
    return s;
  };
  const lo = job.indptr[r]!;
  const hi = job.indptr[r + 1]!;
  let loss = 0;
  if (job.implicit) {
    const seen = new Map<number, number>();
    for (let e = lo; e < hi; e++) seen.set(job.indices[e]!, job.values[e]!);
    for (let j = 0; j < cols; j++) {
      const v = seen.get(j) ?? 0;
      const c = 1 + job.implicit.alpha * Math.abs(v);
      loss += c * ((v > 0 ? 1 : 0) - dot(j)) ** 2;
    }
  } else {
    for (let e = lo; e < hi; e++) {
      const j = job.indices[e]!;
      const t = job.values[e]! - job.shift - (job.fixedOffset?.[j] ?? 0);
      loss += (t - dot(j)) ** 2;
    }
  }
  let norm = 0;
  for (let i = 0; i < d; i++) norm += x[i]! ** 2;
  return loss + job.lambda * (hi - lo) * norm;
}

/** Nudges each coordinate both ways: no nudge may lower the objective (or, when nonnegative, leave the orthant). */
function isLocalMinimum(job: SolveJob, r: number, x: Float64Array, cols: number): boolean {
  const base = rowObjective(job, r, x, cols);
  for (let i = 0; i < job.dim; i++) {
    for (const step of [1e-4, -1e-4]) {
      const y = Float64Array.from(x);
      y[i]! += step;
      if (job.nonnegative && y[i]! < 0) continue;
      if (rowObjective(job, r, y, cols) < base - 1e-9 * Math.max(1, base)) return false;
    }
  }
  return true;
}

describe('the reference kernel solves each row exactly', () => {
  it.each([
    ['explicit', {}],
    ['explicit with global and per-item offsets', { withOffsets: true }],
    ['implicit (confidence 1 + α·r)', { implicit: true }],
    ['nonnegative', { nonnegative: true }],
  ])('%s: every row is at the minimum of its objective', (_name, extra) => {
    const cols = 40;
    const { job } = randomJob({ rows: 30, cols, dim: 5, density: 0.2, seed: 7, ...extra });
    const out = new Float64Array((job.end - job.start) * job.dim);
    tsKernel.solve(job, out);
    for (let r = 0; r < 30; r++) {
      const x = out.subarray(r * job.dim, (r + 1) * job.dim);
      expect(isLocalMinimum(job, r, x, cols), `row ${r}`).toBe(true);
      if (job.nonnegative) expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives a row without entries the zero vector, and solves a partial range', () => {
    const { job } = randomJob({ rows: 10, cols: 12, dim: 3, density: 0.3, seed: 3 });
    const full = new Float64Array(10 * 3);
    tsKernel.solve(job, full);
    const part = new Float64Array(4 * 3);
    tsKernel.solve({ ...job, start: 5, end: 9 }, part);
    expect(Array.from(part)).toEqual(Array.from(full.subarray(15, 27)));
    const empty = { ...job, indptr: new Int32Array(11) };
    const zeros = new Float64Array(30);
    tsKernel.solve(empty, zeros.fill(9));
    expect(zeros.every((v) => v === 0)).toBe(true);
  });
});
