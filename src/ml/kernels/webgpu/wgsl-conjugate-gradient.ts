import { WGSL_COMMON, WGSL_ROW_LOOP } from './wgsl-common';

/** Floats of factor rows staged per tile (8 KB): CG keeps only vectors besides, so the tile can be twice as big. */
export const CG_TILE_FLOATS = 2048;

/**
 * Implicit feedback, a workgroup per row at a time: conjugate gradient on (FᵀF + Σ c1 f fᵀ + λ n I) x = Σ (1 + c1)[v > 0] f,
 * from x = 0. The matrix is never formed: each product applies the shared Gram matrix, then adds the observed
 * entries' corrections c1 f (f · p), so the cost per iteration is d² + nnz·d rather than the nnz·d² of building it.
 */
export const CONJUGATE_GRADIENT_WGSL = /* wgsl */ `
${WGSL_COMMON}
${WGSL_ROW_LOOP}
const TILE_FLOATS: u32 = ${CG_TILE_FLOATS}u;

@group(0) @binding(5) var<storage, read> gram: array<f32>;
@group(0) @binding(6) var<storage, read_write> solution: array<f32>;

var<workgroup> tile: array<f32, TILE_FLOATS>;
var<workgroup> tileWeight: array<f32, MAX_TILE_ENTRIES>;
var<workgroup> tileScaled: array<f32, MAX_TILE_ENTRIES>;
var<workgroup> x: array<f32, MAX_DIM>;
var<workgroup> r: array<f32, MAX_DIM>;
var<workgroup> p: array<f32, MAX_DIM>;
var<workgroup> q: array<f32, MAX_DIM>;
var<workgroup> rr: f32;
var<workgroup> stepLength: f32;
var<workgroup> beta: f32;
var<workgroup> done: u32;

// Stages the factor rows of entries [base, base + n) and each entry's weight: the target for the right side,
// c1 for the matrix.
fn stage(base: u32, n: u32, d: u32, tid: u32, forRightSide: bool) {
  for (var k = tid; k < n * d; k += WG) {
    let e = k / d;
    tile[k] = fixed[indices[base + e] * d + (k - e * d)];
  }
  for (var e = tid; e < n; e += WG) {
    let v = values[base + e];
    tileWeight[e] = select(implicit_extra_confidence(v), implicit_target(v), forRightSide);
  }
  workgroupBarrier();
}

fn right_side_into_r(span: RowSpan, d: u32, tid: u32) {
  if (tid < d) { r[tid] = 0.0; }
  for (var base = span.lo; base < span.hi; base += params.tileEntries) {
    let n = min(params.tileEntries, span.hi - base);
    stage(base, n, d, tid, true);
    if (tid < d) {
      var s = 0.0;
      for (var e = 0u; e < n; e++) { s += tileWeight[e] * tile[e * d + tid]; }
      r[tid] += s;
    }
    workgroupBarrier();
  }
}

// q = A p, with A applied implicitly.
fn apply_matrix(span: RowSpan, d: u32, tid: u32) {
  if (tid < d) {
    var s = params.lambda * f32(span.hi - span.lo) * p[tid];
    for (var k = 0u; k < d; k++) { s += gram[tid * d + k] * p[k]; }
    q[tid] = s;
  }
  for (var base = span.lo; base < span.hi; base += params.tileEntries) {
    let n = min(params.tileEntries, span.hi - base);
    stage(base, n, d, tid, false);
    for (var e = tid; e < n; e += WG) {
      var s = 0.0;
      for (var i = 0u; i < d; i++) { s += tile[e * d + i] * p[i]; }
      tileScaled[e] = tileWeight[e] * s;
    }
    workgroupBarrier();
    if (tid < d) {
      var s = 0.0;
      for (var e = 0u; e < n; e++) { s += tileScaled[e] * tile[e * d + tid]; }
      q[tid] += s;
    }
    workgroupBarrier();
  }
}

fn solve_row(row: u32, d: u32, tid: u32) {
  let span = row_span(row);
  if (span.hi == span.lo) {
    if (tid < d) { solution[row * d + tid] = 0.0; }
    return;
  }
  right_side_into_r(span, d, tid);
  if (tid < d) { x[tid] = 0.0; p[tid] = r[tid]; }
  if (tid == 0u) {
    var s = 0.0;
    for (var i = 0u; i < d; i++) { s += r[i] * r[i]; }
    rr = s;
  }
  workgroupBarrier();
  // Stop once ‖r‖ ≤ tolerance · ‖b‖; f32 cannot resolve much below that.
  let stopAt = params.tolerance * params.tolerance * rr;
  for (var it = 0u; it < params.maxIterations; it++) {
    apply_matrix(span, d, tid);
    if (tid == 0u) {
      var pq = 0.0;
      for (var i = 0u; i < d; i++) { pq += p[i] * q[i]; }
      stepLength = select(0.0, rr / pq, pq > 0.0);
    }
    workgroupBarrier();
    if (tid < d) {
      x[tid] += stepLength * p[tid];
      r[tid] -= stepLength * q[tid];
    }
    workgroupBarrier();
    if (tid == 0u) {
      var s = 0.0;
      for (var i = 0u; i < d; i++) { s += r[i] * r[i]; }
      beta = s / rr;
      done = select(0u, 1u, s <= stopAt || stepLength == 0.0);
      rr = s;
    }
    if (workgroupUniformLoad(&done) != 0u) { break; }
    if (tid < d) { p[tid] = r[tid] + beta * p[tid]; }
    workgroupBarrier();
  }
  if (tid < d) { solution[row * d + tid] = x[tid]; }
}
`;
