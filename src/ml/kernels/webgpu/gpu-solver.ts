/// <reference types="@webgpu/types" />
import { fail, isWrangleError } from '../../../engine/errors/catalog';
import { NNLS_MAX_SWEEPS, type SolveJob } from '../kernel';
import { CsrCache, storageBuffer, type CsrSegment } from './csr-on-gpu';
import { BufferUsage, MapMode } from './gpu-flags';
import { CG_TILE_FLOATS, CONJUGATE_GRADIENT_WGSL } from './wgsl-conjugate-gradient';
import { MAX_GPU_DIM, MAX_TILE_ENTRIES, PARAMS_BYTES, writeParams, type KernelParams } from './wgsl-common';
import { NORMAL_EQUATIONS_WGSL, NORMAL_TILE_FLOATS } from './wgsl-normal-equations';

/**
 * Coordinate descent stops once no coordinate moved by more than this fraction of the largest coordinate in a sweep:
 * about 8 f32 ulps (the reference's absolute 1e-10 is below what f32 resolves, so it would always run every sweep).
 */
export const GPU_NNLS_TOLERANCE = 1e-6;
/** Conjugate gradient stops once ‖r‖ ≤ this · ‖b‖, or after `dim` iterations. */
export const GPU_CG_TOLERANCE = 1e-6;

/** Solves the rows of a whole half-sweep on a GPU. One solve runs at a time; later calls wait for earlier ones. */
export interface GpuSolver {
  /** Rows [job.start, job.end), (end − start) × dim, row-major: the GPU's f32 answers widened to f64. */
  solve(job: SolveJob): Promise<Float64Array>;
  /** Frees every buffer this solver made. The device stays with its owner. */
  destroy(): void;
}

export interface GpuSolverOptions {
  /** Lower caps than the device's own, so tests can force CSR segments and several dispatches on small data. */
  maxBindingBytes?: number;
  maxWorkgroupsPerDimension?: number;
  /**
   * Workgroups per dispatch; each then solves every so-many-th row. Defaults to one row per workgroup, or 64
   * workgroups on a fallback (CPU) adapter, where launching a workgroup costs more than solving a small row.
   */
  maxWorkgroups?: number;
}

const SOFTWARE_WORKGROUPS = 64;

type KernelKind = 'normal-equations' | 'conjugate-gradient';

// Compiling a pipeline takes seconds on a software adapter, so every solver on a device shares them.
const pipelinesByDevice = new WeakMap<GPUDevice, Map<KernelKind, Promise<GPUComputePipeline>>>();

/** Rows of one dispatch: all inside one CSR segment, and the output within one binding. */
interface Piece {
  segment: CsrSegment;
  firstRow: number;
  rowCount: number;
  outRow: number;
}

export function createGpuSolver(device: GPUDevice, options: GpuSolverOptions = {}): GpuSolver {
  return new WebGpuSolver(device, options);
}

class WebGpuSolver implements GpuSolver {
  private readonly csr: CsrCache;
  private readonly maxBindingBytes: number;
  private readonly maxGrid: number;
  private readonly maxWorkgroups: number;
  private readonly placeholder: GPUBuffer;
  private tail: Promise<unknown> = Promise.resolve();
  private destroyed = false;

  constructor(
    private readonly device: GPUDevice,
    options: GpuSolverOptions,
  ) {
    const limits = device.limits;
    this.maxBindingBytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize, options.maxBindingBytes ?? Infinity);
    this.maxGrid = Math.min(limits.maxComputeWorkgroupsPerDimension, options.maxWorkgroupsPerDimension ?? Infinity);
    // adapterInfo on GPUDevice is recent; an older browser gives undefined and counts as a hardware adapter.
    const software = (device as { adapterInfo?: GPUAdapterInfo }).adapterInfo?.isFallbackAdapter === true;
    this.maxWorkgroups = Math.max(1, options.maxWorkgroups ?? (software ? SOFTWARE_WORKGROUPS : Infinity));
    this.csr = new CsrCache(device, this.maxBindingBytes);
    // Bound where a kernel has no offsets or no Gram matrix: every declared binding needs a buffer.
    this.placeholder = storageBuffer(device, new Float32Array(1), 'unused binding');
  }

  solve(job: SolveJob): Promise<Float64Array> {
    const run = this.tail.then(() => this.run(job));
    this.tail = run.catch(() => undefined);
    return run;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.csr.clear();
    this.placeholder.destroy();
  }

  private async run(job: SolveJob): Promise<Float64Array> {
    if (this.destroyed) fail('E_GPU_FAILED', { detail: 'the GPU solver was already destroyed' });
    const d = job.dim;
    if (!Number.isInteger(d) || d < 1 || d > MAX_GPU_DIM) fail('E_GPU_RANK_TOO_LARGE', { rank: d, max: MAX_GPU_DIM });
    const rows = job.end - job.start;
    const out = new Float64Array(Math.max(0, rows) * d);
    if (rows <= 0) return out;
    if (job.fixed.length * 4 > this.maxBindingBytes) {
      fail('E_GPU_LIMIT', { what: 'the fixed factor matrix', need: job.fixed.length * 4, limit: this.maxBindingBytes });
    }
    const kind: KernelKind = job.implicit && !job.nonnegative ? 'conjugate-gradient' : 'normal-equations';
    const pipeline = await this.pipeline(kind);

    const device = this.device;
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const owned: GPUBuffer[] = [];
    const readbacks: Array<{ buffer: GPUBuffer; outRow: number }> = [];
    let setupError: unknown;
    try {
      const csr = this.csr.get(job);
      const fixed = own(owned, storageBuffer(device, Float32Array.from(job.fixed), 'fixed factors'));
      const gram = job.implicit ? own(owned, storageBuffer(device, Float32Array.from(job.implicit.gram), 'gram')) : this.placeholder;
      const offsets = job.fixedOffset && !job.implicit ? own(owned, storageBuffer(device, Float32Array.from(job.fixedOffset), 'fixed offsets')) : this.placeholder;
      const layout = pipeline.getBindGroupLayout(0);
      const encoder = device.createCommandEncoder({ label: `als ${kind}` });
      for (const piece of this.pieces(job, csr.segments)) {
        const groups = Math.min(piece.rowCount, this.maxWorkgroups, this.maxGrid * this.maxGrid);
        const gridWidth = Math.min(groups, this.maxGrid);
        const gridHeight = Math.ceil(groups / gridWidth);
        const params = own(owned, device.createBuffer({ size: PARAMS_BYTES, usage: BufferUsage.UNIFORM | BufferUsage.COPY_DST }));
        device.queue.writeBuffer(params, 0, writeParams(this.params(job, kind, piece, gridWidth, gridWidth * gridHeight)));
        const bytes = piece.rowCount * d * 4;
        const solution = own(owned, device.createBuffer({ size: bytes, usage: BufferUsage.STORAGE | BufferUsage.COPY_SRC }));
        const readback = own(owned, device.createBuffer({ size: bytes, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST }));
        const shared = [params, piece.segment.indptr, piece.segment.indices, piece.segment.values, fixed];
        const rest = kind === 'conjugate-gradient' ? [gram, solution] : [offsets, gram, solution];
        const bindGroup = device.createBindGroup({
          layout,
          entries: [...shared, ...rest].map((buffer, binding) => ({ binding, resource: { buffer } })),
        });
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(gridWidth, gridHeight);
        pass.end();
        encoder.copyBufferToBuffer(solution, 0, readback, 0, bytes);
        readbacks.push({ buffer: readback, outRow: piece.outRow });
      }
      device.queue.submit([encoder.finish()]);
    } catch (e) {
      setupError = e;
    }
    const validation = await device.popErrorScope();
    const memory = await device.popErrorScope();
    const problem = validation ?? memory;
    if (setupError !== undefined || problem) destroyAll(owned);
    if (setupError !== undefined) throw setupError;
    if (problem) fail('E_GPU_FAILED', { detail: problem.message });
    try {
      await Promise.all(readbacks.map((r) => r.buffer.mapAsync(MapMode.READ)));
      for (const r of readbacks) out.set(new Float32Array(r.buffer.getMappedRange()), r.outRow * d);
    } catch (e) {
      if (isWrangleError(e)) throw e;
      fail('E_GPU_FAILED', { detail: e instanceof Error ? e.message : String(e) });
    } finally {
      destroyAll(owned);
    }
    return out;
  }

  private *pieces(job: SolveJob, segments: CsrSegment[]): Generator<Piece> {
    const maxRows = Math.max(1, Math.floor(this.maxBindingBytes / (job.dim * 4)));
    for (const segment of segments) {
      const from = Math.max(job.start, segment.rowStart);
      const to = Math.min(job.end, segment.rowEnd);
      for (let a = from; a < to; a += maxRows) {
        const rowCount = Math.min(maxRows, to - a);
        yield { segment, firstRow: a - segment.rowStart, rowCount, outRow: a - job.start };
      }
    }
  }

  private params(job: SolveJob, kind: KernelKind, piece: Piece, gridWidth: number, groupCount: number): KernelParams {
    const tileFloats = kind === 'conjugate-gradient' ? CG_TILE_FLOATS : NORMAL_TILE_FLOATS;
    return {
      rowCount: piece.rowCount,
      firstRow: piece.firstRow,
      dim: job.dim,
      entryBase: piece.segment.entryBase,
      gridWidth,
      groupCount,
      tileEntries: Math.min(Math.floor(tileFloats / job.dim), MAX_TILE_ENTRIES),
      hasOffset: job.fixedOffset !== null && !job.implicit,
      nonnegative: job.nonnegative,
      implicit: job.implicit !== null,
      maxIterations: kind === 'conjugate-gradient' ? job.dim : NNLS_MAX_SWEEPS,
      shift: job.implicit ? 0 : job.shift,
      lambda: job.lambda,
      alpha: job.implicit?.alpha ?? 0,
      tolerance: kind === 'conjugate-gradient' ? GPU_CG_TOLERANCE : GPU_NNLS_TOLERANCE,
    };
  }

  private pipeline(kind: KernelKind): Promise<GPUComputePipeline> {
    let pipelines = pipelinesByDevice.get(this.device);
    if (!pipelines) pipelinesByDevice.set(this.device, (pipelines = new Map()));
    let pending = pipelines.get(kind);
    if (!pending) {
      pending = compilePipeline(this.device, kind);
      pending.catch(() => pipelines.delete(kind));
      pipelines.set(kind, pending);
    }
    return pending;
  }
}

async function compilePipeline(device: GPUDevice, kind: KernelKind): Promise<GPUComputePipeline> {
  const code = kind === 'conjugate-gradient' ? CONJUGATE_GRADIENT_WGSL : NORMAL_EQUATIONS_WGSL;
  const module = device.createShaderModule({ label: kind, code });
  try {
    return await device.createComputePipelineAsync({ label: kind, layout: 'auto', compute: { module, entryPoint: 'main' } });
  } catch (e) {
    const info = await module.getCompilationInfo();
    const errors = info.messages.filter((m) => m.type === 'error').map((m) => `${m.lineNum}:${m.linePos} ${m.message}`);
    return fail('E_GPU_FAILED', { detail: `the ${kind} shader did not compile: ${errors.join('; ') || (e instanceof Error ? e.message : String(e))}` });
  }
}

function own(list: GPUBuffer[], buffer: GPUBuffer): GPUBuffer {
  list.push(buffer);
  return buffer;
}

function destroyAll(buffers: GPUBuffer[]): void {
  for (const b of buffers) b.destroy();
}
