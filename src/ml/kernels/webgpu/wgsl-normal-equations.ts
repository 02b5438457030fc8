import { MAX_GPU_DIM, WGSL_COMMON } from './wgsl-common';

/** Floats of factor rows staged per tile: with the packed matrix this keeps a workgroup under the 16 KiB default. */
export const NORMAL_TILE_FLOATS = 1024;
const TRIANGLE_FLOATS = (MAX_GPU_DIM * (MAX_GPU_DIM + 1)) / 2;

/**
 * One workgroup per row: accumulate the row's normal matrix Σ w f fᵀ (+ FᵀF for implicit) + λ n I and right side
 * Σ t f from the CSR, then solve it in place, by Cholesky or, when nonnegative, by coordinate descent.
 *
 * The matrix lives in workgroup memory as a packed lower triangle (2080 floats at rank 64, 8.3 KB): a full 64×64 f32
 * matrix alone would take the whole 16 KiB a device guarantees, and storage scratch per row would cost a round trip
 * to global memory on every Cholesky update.
 */
export const NORMAL_EQUATIONS_WGSL = /* wgsl */ `
${WGSL_COMMON}
const TILE_FLOATS: u32 = ${NORMAL_TILE_FLOATS}u;

@group(0) @binding(5) var<storage, read> fixedOffset: array<f32>;
@group(0) @binding(6) var<storage, read> gram: array<f32>;
@group(0) @binding(7) var<storage, read_write> solution: array<f32>;

var<workgroup> tri: array<f32, ${TRIANGLE_FLOATS}u>;
var<workgroup> rhs: array<f32, MAX_DIM>;
var<workgroup> x: array<f32, MAX_DIM>;
var<workgroup> tile: array<f32, TILE_FLOATS>;
var<workgroup> tileWeight: array<f32, MAX_TILE_ENTRIES>;
var<workgroup> tileTarget: array<f32, MAX_TILE_ENTRIES>;
var<workgroup> step: f32;
var<workgroup> moved: f32;
var<workgroup> largest: f32;
var<workgroup> converged: u32;

fn at(i: u32, j: u32) -> u32 { return i * (i + 1u) / 2u + j; }

fn sym(i: u32, j: u32) -> f32 {
  if (i >= j) { return tri[at(i, j)]; }
  return tri[at(j, i)];
}

// Row and column of the p-th element of the packed lower triangle.
fn unpack(p: u32) -> vec2<u32> {
  var i = u32((sqrt(8.0 * f32(p) + 1.0) - 1.0) * 0.5);
  if (at(i + 1u, 0u) <= p) { i += 1u; }
  if (at(i, 0u) > p) { i -= 1u; }
  return vec2<u32>(i, p - at(i, 0u));
}

fn accumulate(span: RowSpan, d: u32, tid: u32) {
  let count = d * (d + 1u) / 2u;
  for (var p = tid; p < count; p += WG) {
    let ij = unpack(p);
    if (params.implicit != 0u) { tri[p] = gram[ij.x * d + ij.y]; } else { tri[p] = 0.0; }
  }
  if (tid < d) { rhs[tid] = 0.0; }
  for (var base = span.lo; base < span.hi; base += params.tileEntries) {
    let n = min(params.tileEntries, span.hi - base);
    for (var k = tid; k < n * d; k += WG) {
      let e = k / d;
      tile[k] = fixed[indices[base + e] * d + (k - e * d)];
    }
    for (var e = tid; e < n; e += WG) {
      let v = values[base + e];
      if (params.implicit != 0u) {
        tileWeight[e] = implicit_extra_confidence(v);
        tileTarget[e] = implicit_target(v);
      } else {
        var t = v - params.shift;
        if (params.hasOffset != 0u) { t -= fixedOffset[indices[base + e]]; }
        tileWeight[e] = 1.0;
        tileTarget[e] = t;
      }
    }
    workgroupBarrier();
    for (var p = tid; p < count; p += WG) {
      let ij = unpack(p);
      var s = 0.0;
      for (var e = 0u; e < n; e++) { s += tileWeight[e] * tile[e * d + ij.x] * tile[e * d + ij.y]; }
      tri[p] += s;
    }
    if (tid < d) {
      var s = 0.0;
      for (var e = 0u; e < n; e++) { s += tileTarget[e] * tile[e * d + tid]; }
      rhs[tid] += s;
    }
    workgroupBarrier();
  }
  if (tid < d) { tri[at(tid, tid)] += params.lambda * f32(span.hi - span.lo); }
  workgroupBarrier();
}

// Right-looking Cholesky: the trailing update of column j is spread over one invocation per row below it.
fn solve_cholesky(d: u32, tid: u32) {
  for (var j = 0u; j < d; j++) {
    if (tid == 0u) { tri[at(j, j)] = sqrt(max(tri[at(j, j)], MIN_PIVOT)); }
    workgroupBarrier();
    let i = j + 1u + tid;
    if (i < d) { tri[at(i, j)] /= tri[at(j, j)]; }
    workgroupBarrier();
    if (i < d) {
      let lij = tri[at(i, j)];
      for (var k = j + 1u; k <= i; k++) { tri[at(i, k)] -= lij * tri[at(k, j)]; }
    }
    workgroupBarrier();
  }
  // The two triangular solves are d² steps: cheaper on one invocation than 2d barriers.
  if (tid == 0u) {
    for (var i = 0u; i < d; i++) {
      var t = rhs[i];
      for (var k = 0u; k < i; k++) { t -= tri[at(i, k)] * x[k]; }
      x[i] = t / tri[at(i, i)];
    }
    for (var ii = d; ii > 0u; ii--) {
      let i = ii - 1u;
      var t = x[i];
      for (var k = i + 1u; k < d; k++) { t -= tri[at(k, i)] * x[k]; }
      x[i] = t / tri[at(i, i)];
    }
  }
  workgroupBarrier();
}

// Cyclic coordinate descent from zero on ½xᵀAx − bᵀx, x ≥ 0. rhs is kept equal to the gradient b − A x, so each
// coordinate costs one broadcast instead of a d-long dot product.
fn solve_nonnegative(d: u32, tid: u32) {
  if (tid < d) { x[tid] = 0.0; }
  workgroupBarrier();
  for (var sweep = 0u; sweep < params.maxIterations; sweep++) {
    if (tid == 0u) { moved = 0.0; largest = 0.0; }
    for (var j = 0u; j < d; j++) {
      if (tid == 0u) {
        let next = max(0.0, x[j] + rhs[j] / max(tri[at(j, j)], MIN_PIVOT));
        step = next - x[j];
        x[j] = next;
        moved = max(moved, abs(step));
        largest = max(largest, next);
      }
      workgroupBarrier();
      if (tid < d) { rhs[tid] -= sym(tid, j) * step; }
      workgroupBarrier();
    }
    if (tid == 0u) { converged = select(0u, 1u, moved <= params.tolerance * largest); }
    if (workgroupUniformLoad(&converged) != 0u) { break; }
  }
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) tid: u32) {
  let row = wid.y * params.gridWidth + wid.x;
  if (row >= params.rowCount) { return; }
  let d = params.dim;
  let span = row_span(row);
  if (span.hi == span.lo) {
    if (tid < d) { solution[row * d + tid] = 0.0; }
    return;
  }
  accumulate(span, d, tid);
  if (params.nonnegative != 0u) { solve_nonnegative(d, tid); } else { solve_cholesky(d, tid); }
  if (tid < d) { solution[row * d + tid] = x[tid]; }
}
`;
