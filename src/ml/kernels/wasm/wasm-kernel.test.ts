import { describe, expect, it } from 'vitest';
import { readAlsWasm } from '../../../cli/wasm-bytes';
import { isWrangleError } from '../../../engine/errors/catalog';
import { csrFromTriples, transpose, type Csr } from '../../csr';
import { SeededRandom } from '../../rng';
import { gram, type CpuKernel, type SolveJob } from '../kernel';
import { tsKernel } from '../ts-kernel';
import { createWasmKernel, loadWasmKernel } from './wasm-kernel';

const wasmBytes = readAlsWasm();
/** Agreement with the reference, relative to the largest |x| of the reference's answer. */
const TOLERANCE = 1e-9;

/** A seeded ratings matrix; every `emptyEvery`-th row has no entries. Implicit values include zeros and negatives. */
function ratings(seed: number, rows: number, cols: number, implicit: boolean, emptyEvery = 7): Csr {
  const rng = new SeededRandom(seed);
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (i % emptyEvery === 3) continue;
    for (let j = 0; j < cols; j++) {
      if (rng.next() > 0.35) continue;
      r.push(i);
      c.push(j);
      v.push(implicit ? Math.floor(rng.next() * 8) - 1 : 1 + Math.floor(rng.next() * 5));
    }
  }
  return csrFromTriples(rows, cols, Int32Array.from(r), Int32Array.from(c), Float64Array.from(v));
}

function normalMatrix(seed: number, rows: number, dim: number, scale = 0.5): Float64Array {
  const rng = new SeededRandom(seed);
  return Float64Array.from({ length: rows * dim }, () => scale * rng.normal());
}

function job(m: Csr, fixed: Float64Array, dim: number, extra: Partial<SolveJob> = {}): SolveJob {
  return {
    indptr: m.indptr,
    indices: m.indices,
    values: m.values,
    start: 0,
    end: m.rows,
    fixed,
    dim,
    shift: 0,
    fixedOffset: null,
    lambda: 0.1,
    nonnegative: false,
    implicit: null,
    ...extra,
  };
}

function solveWith(kernel: CpuKernel, j: SolveJob): Float64Array {
  const out = new Float64Array((j.end - j.start) * j.dim).fill(Number.NaN);
  kernel.solve(j, out);
  return out;
}

/** Solves with both kernels and checks that they agree; returns the wasm answer. */
function expectAgreement(j: SolveJob, kernel: CpuKernel = createWasmKernel(wasmBytes)): Float64Array {
  const reference = solveWith(tsKernel, j);
  const actual = solveWith(kernel, j);
  const largest = reference.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  expect(largest).toBeGreaterThan(0);
  let worst = 0;
  for (let i = 0; i < reference.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - reference[i]!));
  expect(worst).toBeLessThanOrEqual(TOLERANCE * largest);
  return actual;
}

const DIMS = [1, 2, 3, 10, 32, 33];

describe('wasm ALS kernel against the TypeScript reference', () => {
  it('is named wasm', () => {
    expect(createWasmKernel(wasmBytes).name).toBe('wasm');
  });

  it.each(DIMS)('explicit, dim %i', (dim) => {
    const m = ratings(dim, 30, 25, false);
    expectAgreement(job(m, normalMatrix(100 + dim, m.cols, dim), dim));
  });

  it.each(DIMS)('explicit with shift and fixed offsets, dim %i', (dim) => {
    const m = ratings(10 + dim, 30, 25, false);
    const offsets = normalMatrix(200 + dim, m.cols, 1, 0.3);
    expectAgreement(job(m, normalMatrix(300 + dim, m.cols, dim), dim, { shift: 3.1, fixedOffset: offsets, lambda: 0.05 }));
  });

  it.each(DIMS)('implicit with the Gram matrix, dim %i', (dim) => {
    const m = ratings(20 + dim, 30, 25, true);
    const fixed = normalMatrix(400 + dim, m.cols, dim);
    expectAgreement(job(m, fixed, dim, { implicit: { alpha: 2.5, gram: gram(fixed, dim) }, lambda: 0.02 }));
  });

  it.each(DIMS)('nonnegative, dim %i', (dim) => {
    const m = ratings(30 + dim, 30, 25, false);
    const x = expectAgreement(job(m, normalMatrix(500 + dim, m.cols, dim), dim, { nonnegative: true, shift: 3 }));
    expect(x.every((value) => value >= 0)).toBe(true);
    // The constraint binds somewhere, so this is not the unconstrained solve in disguise.
    if (dim > 1) expect(x.some((value, i) => value === 0 && m.indptr[Math.floor(i / dim) + 1]! > m.indptr[Math.floor(i / dim)]!)).toBe(true);
  });

  it('nonnegative implicit, dim 10', () => {
    const m = ratings(41, 30, 25, true);
    const fixed = normalMatrix(42, m.cols, 10);
    expectAgreement(job(m, fixed, 10, { nonnegative: true, implicit: { alpha: 1, gram: gram(fixed, 10) } }));
  });

  it('gives a row without entries the zero vector', () => {
    const m = ratings(50, 12, 20, false);
    expect(m.indptr[4]).toBe(m.indptr[3]);
    const x = expectAgreement(job(m, normalMatrix(51, m.cols, 5), 5));
    expect(Array.from(x.subarray(3 * 5, 4 * 5))).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([
    [1, 9],
    [5, 30],
    [18, 19],
    [29, 30],
  ])('solves the partial range [%i, %i) into out from index 0', (start, end) => {
    const m = ratings(60, 30, 25, false);
    expectAgreement(job(m, normalMatrix(61, m.cols, 10), 10, { start, end }));
  });

  // The kernel gathers a row's entries in chunks of 15 (dim 64) to 256 (dim 3) entries; these rows span many.
  it.each([3, 10, 11, 64])('rows longer than one gather chunk, explicit and implicit, dim %i', (dim) => {
    const m = ratings(140 + dim, 6, 700, false, 100);
    const fixed = normalMatrix(150 + dim, m.cols, dim, 0.2);
    expectAgreement(job(m, fixed, dim, { shift: 2.9, fixedOffset: normalMatrix(160 + dim, m.cols, 1, 0.3) }));
    const counts = ratings(170 + dim, 6, 700, true, 100);
    expectAgreement(job(counts, fixed, dim, { implicit: { alpha: 1.5, gram: gram(fixed, dim) } }));
  });

  it('solves the normal equations (residual check, dim 33)', () => {
    const dim = 33;
    const m = ratings(70, 10, 60, false, 100);
    const fixed = normalMatrix(71, m.cols, dim);
    const lambda = 0.3;
    const x = solveWith(createWasmKernel(wasmBytes), job(m, fixed, dim, { lambda, shift: 1 }));
    for (let r = 0; r < m.rows; r++) {
      const lo = m.indptr[r]!;
      const hi = m.indptr[r + 1]!;
      // (Σ f fᵀ + λ n I) x − Σ t f, computed directly.
      const residual = new Float64Array(dim);
      for (let i = 0; i < dim; i++) residual[i] = lambda * (hi - lo) * x[r * dim + i]!;
      for (let e = lo; e < hi; e++) {
        const f = fixed.subarray(m.indices[e]! * dim, (m.indices[e]! + 1) * dim);
        let fx = 0;
        for (let i = 0; i < dim; i++) fx += f[i]! * x[r * dim + i]!;
        for (let i = 0; i < dim; i++) residual[i]! += (fx - (m.values[e]! - 1)) * f[i]!;
      }
      expect(Math.max(...residual.map(Math.abs))).toBeLessThan(1e-9);
    }
  });
});

describe("each row's squared error at its solution, for the trainer's loss", () => {
  /** Both kernels' answers and squared errors; the reference sums the residuals one by one. */
  function squaredErrors(j: SolveJob): { reference: Float64Array; actual: Float64Array; x: Float64Array } {
    const rows = j.end - j.start;
    const reference = new Float64Array(rows).fill(Number.NaN);
    const actual = new Float64Array(rows).fill(Number.NaN);
    tsKernel.solve(j, new Float64Array(rows * j.dim), reference);
    const x = new Float64Array(rows * j.dim);
    createWasmKernel(wasmBytes).solve(j, x, actual);
    return { reference, actual, x };
  }

  it.each([
    ['plain', {}],
    ['shift and fixed offsets', { shift: 3.1, lambda: 0.05, withOffsets: true }],
    ['nonnegative', { nonnegative: true, shift: 3 }],
    ['a partial range', { start: 5, end: 19 }],
  ])('%s: wasm agrees with the reference to 1e-10 of the row, at every dim', (_name, extra: Partial<SolveJob> & { withOffsets?: boolean }) => {
    for (const dim of DIMS) {
      const m = ratings(600 + dim, 30, 25, false);
      const { withOffsets, ...rest } = extra;
      const offsets = withOffsets ? { fixedOffset: normalMatrix(610 + dim, m.cols, 1, 0.3) } : {};
      const { reference, actual } = squaredErrors(job(m, normalMatrix(620 + dim, m.cols, dim), dim, { ...rest, ...offsets }));
      for (let r = 0; r < reference.length; r++) {
        expect(Number.isFinite(actual[r]!)).toBe(true);
        expect(Math.abs(actual[r]! - reference[r]!)).toBeLessThanOrEqual(1e-10 * Math.max(1, reference[r]!));
      }
    }
  });

  it('is 0 for a row without entries, and Σ (t − x·f)² of the wasm answer for rows longer than a gather chunk', () => {
    const dim = 11;
    const m = ratings(630, 6, 700, false, 4);
    expect(m.indptr[4]).toBe(m.indptr[3]);
    const fixed = normalMatrix(631, m.cols, dim, 0.2);
    const { actual, x } = squaredErrors(job(m, fixed, dim, { shift: 2.9 }));
    expect(actual[3]).toBe(0);
    for (let r = 0; r < m.rows; r++) {
      let direct = 0;
      for (let e = m.indptr[r]!; e < m.indptr[r + 1]!; e++) {
        let residual = m.values[e]! - 2.9;
        for (let i = 0; i < dim; i++) residual -= x[r * dim + i]! * fixed[m.indices[e]! * dim + i]!;
        direct += residual * residual;
      }
      expect(Math.abs(actual[r]! - direct)).toBeLessThanOrEqual(1e-10 * Math.max(1, direct));
    }
  });
});

describe('wasm ALS kernel memory reuse', () => {
  it('re-copies fixed each call: the same CSR with a new fixed side gives new answers', () => {
    const kernel = createWasmKernel(wasmBytes);
    const m = ratings(80, 30, 25, false);
    const fixed = normalMatrix(81, m.cols, 8);
    const first = expectAgreement(job(m, fixed, 8), kernel);
    // In place, as a trainer that reuses its factor buffer would.
    fixed.set(normalMatrix(82, m.cols, 8));
    const second = expectAgreement(job(m, fixed, 8), kernel);
    expect(second).not.toEqual(first);
    const third = expectAgreement(job(m, normalMatrix(83, m.cols, 8), 8), kernel);
    expect(third).not.toEqual(second);
  });

  it('alternates between the two sides of a training, then takes a third matrix', () => {
    const kernel = createWasmKernel(wasmBytes);
    const users = ratings(90, 30, 25, false);
    const items = transpose(users);
    let userFactors = normalMatrix(91, users.rows, 6);
    let itemFactors = normalMatrix(92, items.rows, 6);
    for (let sweep = 0; sweep < 3; sweep++) {
      userFactors = expectAgreement(job(users, itemFactors, 6), kernel);
      itemFactors = expectAgreement(job(items, userFactors, 6), kernel);
    }
    const other = ratings(93, 40, 25, false);
    expectAgreement(job(other, itemFactors, 6), kernel);
    expectAgreement(job(users, itemFactors, 6), kernel);
    expectAgreement(job(items, userFactors, 6), kernel);
  });

  it('re-copies a CSR when a later range reaches past the rows it holds', () => {
    const kernel = createWasmKernel(wasmBytes);
    const m = ratings(100, 30, 25, false);
    const fixed = normalMatrix(101, m.cols, 4);
    expectAgreement(job(m, fixed, 4, { start: 0, end: 10 }), kernel);
    expectAgreement(job(m, fixed, 4, { start: 5, end: 30 }), kernel);
    expectAgreement(job(m, fixed, 4, { start: 2, end: 8 }), kernel);
  });

  it('notices new values behind the same indptr', () => {
    const kernel = createWasmKernel(wasmBytes);
    const m = ratings(110, 30, 25, false);
    const fixed = normalMatrix(111, m.cols, 4);
    const first = expectAgreement(job(m, fixed, 4), kernel);
    const rescaled = { ...m, values: m.values.map((v) => v * 2) };
    const second = expectAgreement(job(rescaled, fixed, 4), kernel);
    expect(second).not.toEqual(first);
  });

  it('loads asynchronously from bytes or a compiled module', async () => {
    const m = ratings(120, 20, 15, false);
    const j = job(m, normalMatrix(121, m.cols, 3), 3);
    expectAgreement(j, await loadWasmKernel(wasmBytes));
    expectAgreement(j, createWasmKernel(new WebAssembly.Module(wasmBytes)));
  });

  it('fails with E_ALS_MEMORY when a solve needs more than wasm32 can address', () => {
    const kernel = createWasmKernel(wasmBytes);
    const m = ratings(130, 4, 4, false);
    // At rank 24 000 the normal matrix alone is 4.6 GB, past the 4 GiB a wasm32 memory can hold.
    const dim = 24_000;
    let error: unknown;
    try {
      kernel.solve(job(m, new Float64Array(m.cols * dim), dim), new Float64Array(m.rows * dim));
    } catch (e) {
      error = e;
    }
    expect(isWrangleError(error) && error.code).toBe('E_ALS_MEMORY');
    expect((error as Error).message).toMatch(/rank 24000 needs \d+ MiB/);
  });
});
