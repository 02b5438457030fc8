import { fail } from '../../../engine/errors/catalog';
import { MIN_PIVOT, NNLS_MAX_SWEEPS, NNLS_TOLERANCE, type CpuKernel, type SolveJob } from '../kernel';

/** What `assembly/index.ts` exports. Pointers are byte offsets into `memory`. */
interface AlsExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  reservePages(pages: number): number;
  configure(minPivot: number, nnlsMaxSweeps: number, nnlsTolerance: number): void;
  /** Bytes of the work area `solve` needs at this dimension. */
  scratchBytes(dim: number): number;
  solve(
    indptr: number,
    indices: number,
    values: number,
    entryBase: number,
    rows: number,
    fixed: number,
    dim: number,
    shift: number,
    fixedOffset: number,
    lambda: number,
    nonnegative: number,
    alpha: number,
    gram: number,
    out: number,
    sse: number,
    scratch: number,
  ): void;
}

/** Where one CSR slice sits in wasm memory, and which arrays it was copied from. */
interface CsrPlacement {
  generation: number;
  indices: Int32Array;
  values: Float64Array;
  rowStart: number;
  rowEnd: number;
  entryBase: number;
  indptrAt: number;
  indicesAt: number;
  valuesAt: number;
}

const PAGE_BYTES = 65536;
/** wasm32 addresses 4 GiB at most. */
const MAX_PAGES = 65536;
/** CSRs kept in memory at once: the two sides of one training. A third starts the area afresh. */
const RESIDENT_CSRS = 2;

/**
 * The WebAssembly SIMD kernel (AssemblyScript, `assembly/`): what `tsKernel` computes, in f64, several times faster.
 * Accepts the module's bytes, or a compiled `WebAssembly.Module` (which workers can receive by postMessage).
 * Compiles synchronously: fine in workers and Node; on a browser main thread use `loadWasmKernel`.
 */
export function createWasmKernel(source: BufferSource | WebAssembly.Module): CpuKernel {
  const module = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source);
  return new WasmKernel(new WebAssembly.Instance(module, {}).exports as unknown as AlsExports);
}

/** `createWasmKernel`, compiling off the calling thread. */
export async function loadWasmKernel(source: BufferSource | WebAssembly.Module): Promise<CpuKernel> {
  const module = source instanceof WebAssembly.Module ? source : await WebAssembly.compile(source);
  const instance = await WebAssembly.instantiate(module, {});
  return new WasmKernel(instance.exports as unknown as AlsExports);
}

/**
 * Memory, from `heapBase()` up: the resident CSR slices, then this call's work area (fixed side, offsets, Gram, out,
 * squared errors, scratch). A CSR is copied in once and reused while the same `indptr`, `indices` and `values`
 * objects come back, so callers must not change a CSR's contents in place; `fixed` and the rest are copied on every
 * call.
 */
class WasmKernel implements CpuKernel {
  readonly name = 'wasm';
  private readonly base: number;
  private readonly placements = new WeakMap<Int32Array, CsrPlacement>();
  private generation = 0;
  private resident = 0;
  private csrEnd: number;

  constructor(private readonly wasm: AlsExports) {
    wasm.configure(MIN_PIVOT, NNLS_MAX_SWEEPS, NNLS_TOLERANCE);
    this.base = wasm.heapBase();
    this.csrEnd = this.base;
  }

  solve(job: SolveJob, out: Float64Array, rowSse?: Float64Array): void {
    const rows = job.end - job.start;
    if (rows <= 0) return;
    const d = job.dim;
    const csr = this.place(job);
    const fixedAt = align(this.csrEnd);
    const offsetAt = align(fixedAt + job.fixed.byteLength);
    const gramAt = align(offsetAt + (job.fixedOffset?.byteLength ?? 0));
    const outAt = align(gramAt + (job.implicit ? d * d * 8 : 0));
    const sseAt = align(outAt + rows * d * 8);
    const scratchAt = align(sseAt + (rowSse ? rows * 8 : 0));
    this.reserve(scratchAt + this.wasm.scratchBytes(d), d);

    const buffer = this.wasm.memory.buffer;
    new Float64Array(buffer, fixedAt, job.fixed.length).set(job.fixed);
    if (job.fixedOffset) new Float64Array(buffer, offsetAt, job.fixedOffset.length).set(job.fixedOffset);
    if (job.implicit) new Float64Array(buffer, gramAt, d * d).set(job.implicit.gram.subarray(0, d * d));
    this.wasm.solve(
      csr.indptrAt + (job.start - csr.rowStart) * 4,
      csr.indicesAt,
      csr.valuesAt,
      csr.entryBase,
      rows,
      fixedAt,
      d,
      job.shift,
      job.fixedOffset ? offsetAt : 0,
      job.lambda,
      job.nonnegative ? 1 : 0,
      job.implicit?.alpha ?? 0,
      job.implicit ? gramAt : 0,
      outAt,
      rowSse ? sseAt : 0,
      scratchAt,
    );
    out.set(new Float64Array(this.wasm.memory.buffer, outAt, rows * d));
    if (rowSse) rowSse.set(new Float64Array(this.wasm.memory.buffer, sseAt, rows));
  }

  /** The job's CSR rows in wasm memory: the cached copy when it covers them, a fresh one otherwise. */
  private place(job: SolveJob): CsrPlacement {
    const cached = this.placements.get(job.indptr);
    if (
      cached &&
      cached.generation === this.generation &&
      cached.indices === job.indices &&
      cached.values === job.values &&
      cached.rowStart <= job.start &&
      job.end <= cached.rowEnd
    ) {
      return cached;
    }
    if (this.resident >= RESIDENT_CSRS) {
      this.generation++;
      this.resident = 0;
      this.csrEnd = this.base;
    }
    const entryBase = job.indptr[job.start]!;
    const entries = job.indptr[job.end]! - entryBase;
    const rowptrs = job.end - job.start + 1;
    const valuesAt = align(this.csrEnd);
    const indicesAt = align(valuesAt + entries * 8);
    const indptrAt = align(indicesAt + entries * 4);
    const end = indptrAt + rowptrs * 4;
    this.reserve(end, job.dim);
    const buffer = this.wasm.memory.buffer;
    new Float64Array(buffer, valuesAt, entries).set(job.values.subarray(entryBase, entryBase + entries));
    new Int32Array(buffer, indicesAt, entries).set(job.indices.subarray(entryBase, entryBase + entries));
    new Int32Array(buffer, indptrAt, rowptrs).set(job.indptr.subarray(job.start, job.end + 1));
    const placement: CsrPlacement = {
      generation: this.generation,
      indices: job.indices,
      values: job.values,
      rowStart: job.start,
      rowEnd: job.end,
      entryBase,
      indptrAt,
      indicesAt,
      valuesAt,
    };
    this.placements.set(job.indptr, placement);
    this.resident++;
    this.csrEnd = end;
    return placement;
  }

  /** Grows memory so bytes [0, end) exist, or fails with a coded error that says how much was needed. */
  private reserve(end: number, rank: number): void {
    const pages = Math.ceil(end / PAGE_BYTES);
    if (pages <= MAX_PAGES && this.wasm.reservePages(pages)) return;
    fail('E_ALS_MEMORY', {
      rank,
      neededMiB: Math.ceil(end / 2 ** 20),
      grantedMiB: Math.floor(this.wasm.memory.buffer.byteLength / 2 ** 20),
    });
  }
}

/** Rounds a byte offset up to 16, so every array starts on a v128 boundary. */
function align(offset: number): number {
  return Math.ceil(offset / 16) * 16;
}
