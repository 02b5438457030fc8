import { MIN_PIVOT } from '../kernel';

/** The largest rank the GPU kernels solve: one row's packed normal matrix must fit in workgroup memory. */
export const MAX_GPU_DIM = 64;
/** Invocations per workgroup; a workgroup solves one row at a time, so every per-coordinate loop runs in one pass. */
export const WORKGROUP_SIZE = 64;
/** Cap on the entries staged in workgroup memory at once (the per-entry scalars are sized for it). */
export const MAX_TILE_ENTRIES = 256;

/** Byte size of the uniform block below; its fields are written by `writeParams` in this order. */
export const PARAMS_BYTES = 64;

export interface KernelParams {
  rowCount: number;
  firstRow: number;
  dim: number;
  entryBase: number;
  gridWidth: number;
  /** Workgroups dispatched: each solves rows wid, wid + groupCount, … */
  groupCount: number;
  tileEntries: number;
  hasOffset: boolean;
  nonnegative: boolean;
  implicit: boolean;
  maxIterations: number;
  shift: number;
  lambda: number;
  alpha: number;
  tolerance: number;
}

export function writeParams(p: KernelParams): ArrayBuffer {
  const bytes = new ArrayBuffer(PARAMS_BYTES);
  const u = new Uint32Array(bytes);
  const f = new Float32Array(bytes);
  u.set([p.rowCount, p.firstRow, p.dim, p.entryBase, p.gridWidth, p.tileEntries, +p.hasOffset, +p.nonnegative, +p.implicit, p.maxIterations]);
  f.set([p.shift, p.lambda, p.alpha, p.tolerance], 10);
  u[14] = p.groupCount;
  return bytes;
}

/**
 * Declarations both shaders share: the parameters, the CSR and factor bindings, and how a workgroup finds its row.
 * `indptr` holds absolute entry positions for the rows of one segment; `entryBase` rebases them onto the segment's
 * `indices`/`values` slices, so a CSR too large for one binding is split into segments without rewriting it.
 */
export const WGSL_COMMON = /* wgsl */ `
const MAX_DIM: u32 = ${MAX_GPU_DIM}u;
const WG: u32 = ${WORKGROUP_SIZE}u;
const MAX_TILE_ENTRIES: u32 = ${MAX_TILE_ENTRIES}u;
const MIN_PIVOT: f32 = ${MIN_PIVOT.toExponential()};

struct Params {
  rowCount: u32,
  firstRow: u32,
  dim: u32,
  entryBase: u32,
  gridWidth: u32,
  tileEntries: u32,
  hasOffset: u32,
  nonnegative: u32,
  implicit: u32,
  maxIterations: u32,
  shift: f32,
  lambda: f32,
  alpha: f32,
  tolerance: f32,
  groupCount: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> indptr: array<u32>;
@group(0) @binding(2) var<storage, read> indices: array<u32>;
@group(0) @binding(3) var<storage, read> values: array<f32>;
@group(0) @binding(4) var<storage, read> fixed: array<f32>;

struct RowSpan { lo: u32, hi: u32 }

fn first_row(wid: vec3<u32>) -> u32 { return wid.y * params.gridWidth + wid.x; }

fn row_span(row: u32) -> RowSpan {
  let at = params.firstRow + row;
  return RowSpan(indptr[at] - params.entryBase, indptr[at + 1u] - params.entryBase);
}

// Hu-Koren-Volinsky: confidence 1 + c1 with c1 = alpha |v|, preference [v > 0].
fn implicit_extra_confidence(v: f32) -> f32 { return params.alpha * abs(v); }
fn implicit_target(v: f32) -> f32 { return select(0.0, 1.0 + params.alpha * abs(v), v > 0.0); }
`;

/** The entry point both kernels share: each workgroup solves its rows in turn with the kernel's own `solve_row`. */
export const WGSL_ROW_LOOP = /* wgsl */ `
@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) tid: u32) {
  for (var row = first_row(wid); row < params.rowCount; row += params.groupCount) {
    solve_row(row, params.dim, tid);
    // The next row overwrites the workgroup memory this one's last invocations may still read.
    workgroupBarrier();
  }
}
`;
