import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeNodeGpu } from '../../../cli/webgpu-device';
import { isWrangleError } from '../../../engine/errors/catalog';
import { randomJob, relativeGap, type RandomJobOptions } from '../../testing/random-job';
import type { SolveJob } from '../kernel';
import { tsKernel } from '../ts-kernel';
import { describeGpu } from './adapter';
import { createGpuSolver, type GpuSolver } from './gpu-solver';

/**
 * Tolerances, as the largest |gpu − reference| over the largest |reference| in the answer. The GPU works in f32
 * (about 7 digits) where the reference uses f64. Explicit and nonnegative rows assemble and solve the normal
 * equations as the reference does, so only rounding separates them (SwiftShader measured ≤ 7e-7 on these problems,
 * 2e-5 with λ = 0.001). Implicit rows run conjugate gradient for at most `dim` iterations on a matrix that includes
 * FᵀF over every item, which loses a little more (≤ 3e-6 measured).
 */
const EXPLICIT_TOLERANCE = 1e-4;
const IMPLICIT_TOLERANCE = 3e-4;

const gpu = await describeNodeGpu();
if (!gpu.device) console.warn(`WebGPU kernel tests skipped: ${gpu.reason}`);
else console.log(`WebGPU kernel tests on ${gpu.adapterInfo}`);

function reference(job: SolveJob): Float64Array {
  const out = new Float64Array((job.end - job.start) * job.dim);
  tsKernel.solve(job, out);
  return out;
}

/** ~200 users × 100 items at 10% density (about 2,000 ratings): small enough for SwiftShader on two cores. */
function problem(extra: Partial<RandomJobOptions>): SolveJob {
  return randomJob({ rows: 200, cols: 100, dim: 8, density: 0.1, seed: 11, ...extra }).job;
}

/** The same problem with every `every`-th row emptied. */
function withEmptyRows(job: SolveJob, every: number): SolveJob {
  const rows = job.indptr.length - 1;
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (r % every !== 0) {
      for (let e = job.indptr[r]!; e < job.indptr[r + 1]!; e++) {
        indices.push(job.indices[e]!);
        values.push(job.values[e]!);
      }
    }
    indptr[r + 1] = indices.length;
  }
  return { ...job, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Implicit data with zero and negative observations too: those carry confidence but a preference of 0. */
function withNonPositiveValues(job: SolveJob): SolveJob {
  const values = job.values.map((v, e) => (e % 5 === 0 ? 0 : e % 7 === 0 ? -v : v));
  return { ...job, values };
}

async function expectAgreement(solver: GpuSolver, job: SolveJob, tolerance: number): Promise<Float64Array> {
  const got = await solver.solve(job);
  const want = reference(job);
  expect(got.length).toBe(want.length);
  expect(relativeGap(got, want)).toBeLessThan(tolerance);
  return got;
}

/** Σ (t − x·f)² over the row's ratings: how well a row's answer fits them (explicit, no offsets). */
function ratingsMisfit(job: SolveJob, r: number, x: Float64Array): number {
  let sum = 0;
  for (let e = job.indptr[r]!; e < job.indptr[r + 1]!; e++) {
    let predicted = 0;
    for (let i = 0; i < job.dim; i++) predicted += x[i]! * job.fixed[job.indices[e]! * job.dim + i]!;
    sum += (job.values[e]! - predicted) ** 2;
  }
  return sum;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (e) {
    return isWrangleError(e) ? e.code : String(e);
  }
}

describe.skipIf(!gpu.device)('the WebGPU kernels agree with the TypeScript reference', () => {
  let solver: GpuSolver;
  beforeAll(() => {
    solver = createGpuSolver(gpu.device!);
  });
  afterAll(() => {
    solver?.destroy();
    gpu.device?.destroy();
  });

  it.each([3, 8, 10, 32])('explicit, rank %i', async (dim) => {
    await expectAgreement(solver, problem({ dim, seed: dim }), EXPLICIT_TOLERANCE);
  });

  it('explicit with a global shift and per-item offsets', async () => {
    await expectAgreement(solver, problem({ dim: 10, withOffsets: true }), EXPLICIT_TOLERANCE);
  });

  it.each([3, 8, 10, 32])('implicit by conjugate gradient, rank %i', async (dim) => {
    await expectAgreement(solver, withNonPositiveValues(problem({ dim, seed: 100 + dim, implicit: true })), IMPLICIT_TOLERANCE);
  });

  it.each([
    ['explicit', {}],
    ['implicit', { implicit: true }],
  ])('nonnegative %s: every coordinate ≥ 0', async (_name, extra) => {
    const got = await expectAgreement(solver, problem({ dim: 10, nonnegative: true, ...extra }), EXPLICIT_TOLERANCE);
    expect(Math.min(...got)).toBeGreaterThanOrEqual(0);
    expect(got.filter((v) => v === 0).length, 'some constraints are active').toBeGreaterThan(0);
  });

  it.each([
    ['explicit', {}],
    ['implicit', { implicit: true }],
  ])('%s at rank 64, the largest the kernels take', async (_name, extra) => {
    const job = randomJob({ rows: 30, cols: 100, dim: 64, density: 0.4, seed: 5, ...extra }).job;
    await expectAgreement(solver, job, 'implicit' in extra ? IMPLICIT_TOLERANCE : EXPLICIT_TOLERANCE);
  });

  it('gives rows without entries the zero vector', async () => {
    for (const extra of [{}, { implicit: true }, { nonnegative: true }]) {
      const job = withEmptyRows(problem({ dim: 8, ...extra }), 6);
      const got = await expectAgreement(solver, job, IMPLICIT_TOLERANCE);
      for (let r = 0; r < 200; r += 6) expect(Array.from(got.subarray(r * 8, r * 8 + 8))).toEqual(new Array(8).fill(0));
    }
  });

  it('fits singular rows (λ = 0, fewer ratings than the rank) as well as the reference, with finite numbers', async () => {
    // Such a row has many exact fits; the GPU may pick another one than the reference, so compare the fit.
    const job = randomJob({ rows: 50, cols: 100, dim: 10, density: 0.04, seed: 2, lambda: 0 }).job;
    const got = await solver.solve(job);
    const want = reference(job);
    expect(got.every(Number.isFinite)).toBe(true);
    for (let r = 0; r < 50; r++) {
      const x = got.subarray(r * 10, r * 10 + 10);
      const scale = ratingsMisfit(job, r, new Float64Array(10));
      expect(ratingsMisfit(job, r, x), `row ${r}`).toBeLessThanOrEqual(ratingsMisfit(job, r, want.subarray(r * 10, r * 10 + 10)) + 1e-4 * scale);
    }
  });

  it('solves a partial range of rows, as one worker share', async () => {
    const job = problem({ dim: 8 });
    const full = await solver.solve(job);
    const part = await expectAgreement(solver, { ...job, start: 37, end: 151 }, EXPLICIT_TOLERANCE);
    expect(Array.from(part)).toEqual(Array.from(full.subarray(37 * 8, 151 * 8)));
    expect((await solver.solve({ ...job, start: 50, end: 50 })).length).toBe(0);
  });

  it('reuses the uploaded CSR across half-sweeps, with fresh factors each time', async () => {
    const job = problem({ dim: 8 });
    const first = await expectAgreement(solver, job, EXPLICIT_TOLERANCE);
    const moved = job.fixed.map((v) => v * 1.5 + 0.01);
    const second = await expectAgreement(solver, { ...job, fixed: moved }, EXPLICIT_TOLERANCE);
    expect(relativeGap(first, second)).toBeGreaterThan(0.01);
    // The same indptr object with other entries is a different matrix: it must be uploaded again.
    const values = job.values.map((v) => 6 - v);
    await expectAgreement(solver, { ...job, values }, EXPLICIT_TOLERANCE);
  });

  it('gives the same answers however the rows are spread over segments, dispatches and workgroups', async () => {
    // Small caps force several CSR segments, several dispatches, a 2-D grid and workgroups that loop over rows;
    // one row per workgroup is what a hardware adapter gets by default.
    const small = createGpuSolver(gpu.device!, { maxBindingBytes: 2048, maxWorkgroupsPerDimension: 4, maxWorkgroups: 10 });
    const rowPerGroup = createGpuSolver(gpu.device!, { maxWorkgroups: Number.POSITIVE_INFINITY });
    try {
      for (const extra of [{}, { implicit: true }, { nonnegative: true }]) {
        const job = { ...problem({ dim: 3, ...extra }), start: 13, end: 187 };
        const split = await expectAgreement(small, job, IMPLICIT_TOLERANCE);
        expect(Array.from(split)).toEqual(Array.from(await solver.solve(job)));
        expect(Array.from(split)).toEqual(Array.from(await rowPerGroup.solve(job)));
      }
    } finally {
      small.destroy();
      rowPerGroup.destroy();
    }
  });

  it('refuses what it cannot hold, with coded errors', async () => {
    const tiny = createGpuSolver(gpu.device!, { maxBindingBytes: 256 });
    try {
      expect(await codeOf(solver.solve(problem({ dim: 65, rows: 4, cols: 4 })))).toBe('E_GPU_RANK_TOO_LARGE');
      expect(await codeOf(tiny.solve(problem({ dim: 8 })))).toBe('E_GPU_LIMIT');
      const wideRow = randomJob({ rows: 2, cols: 100, dim: 1, density: 1, seed: 1 }).job;
      expect(await codeOf(tiny.solve(wideRow))).toBe('E_GPU_LIMIT');
    } finally {
      tiny.destroy();
    }
    expect(await codeOf(solver.solve(problem({ dim: 3 })))).toBe('no error');
  });
});

describe('describing the GPU', () => {
  it('says why there is no device, in words', async () => {
    expect((await describeGpu(undefined)).reason).toBe('no WebGPU in this browser');
    const noAdapter = { requestAdapter: () => Promise.resolve(null) } as unknown as GPU;
    expect((await describeGpu(noAdapter)).reason).toBe('no adapter (navigator.gpu.requestAdapter returned null)');
    const broken = { requestAdapter: () => Promise.reject(new Error('GPU process crashed')) } as unknown as GPU;
    expect((await describeGpu(broken)).reason).toContain('GPU process crashed');
  });

  it.skipIf(!gpu.device)('names the adapter it found', () => {
    expect(gpu.adapterInfo).toMatch(/\w/);
    expect(gpu.reason).toBeUndefined();
  });
});
