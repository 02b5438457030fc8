import { MAX_GPU_DIM, WGSL_COMMON, WGSL_ROW_LOOP } from './wgsl-common';

/** Floats of factor rows staged per tile: with the packed matrix this keeps a workgroup under the 16 KiB default. */
export const NORMAL_TILE_FLOATS = 1024;
const TRIANGLE_FLOATS = (MAX_GPU_DIM * (MAX_GPU_DIM + 1)) / 2;

/**
 * A workgroup takes one row at a time: it accumulates the row's normal matrix Σ w f fᵀ (+ FᵀF for implicit) + λ n I and right side
 * Σ t f from the CSR, then solves it in place, by Cholesky or, when nonnegative, by coordinate descent.
 *
 * The matrix lives in workgroup memory as a packed lower triangle (2080 floats at rank 64, 8.3 KB): a full 64×64 f32
 * matrix alone would take the whole 16 KiB a device guarantees, and storage scratch per row would cost a round trip
 * to global memory on every Cholesky update.
 */
export const NORMAL_EQUATIONS_WGSL = /* wgsl */ `
${WGSL_COMMON}
${WGSL_ROW_LOOP}
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
var<workgroup> gradient: array<f32, ${2 * MAX_GPU_DIM}u>;
var<workgroup> diagonal: array<f32, MAX_DIM>;
var<workgroup> converged: u32;

fn at(i: u32, j: u32) -> u32 { return i * (i + 1u) / 2u + j; }

// A Schur pivot below this share of its starting diagonal is rounding noise in f32: the row's matrix is singular
// there (λ = 0 and fewer ratings than the rank). Dividing by the noise, as f64 can afford to with the reference's
// MIN_PIVOT, overflows f32, so that direction is left out of the solution instead.
const PIVOT_FLOOR: f32 = 1e-5;

fn inverse_pivot(j: u32) -> f32 {
  let p = tri[at(j, j)];
  return select(0.0, 1.0 / p, p > max(PIVOT_FLOOR * diagonal[j], MIN_PIVOT));
}

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
  if (tid < d) {
    tri[at(tid, tid)] += params.lambda * f32(span.hi - span.lo);
    diagonal[tid] = tri[at(tid, tid)];
  }
  workgroupBarrier();
}

// Cholesky as L D Lᵀ, right-looking on the Schur complement S: step j subtracts S_ij S_kj / p_j from the trailing
// block, one invocation per row below j. It reads only column j, which nobody writes in that step, so each column
// costs one barrier. Column j then holds S_ij and the diagonal p_j, the squared Cholesky pivot: A = L' D L'ᵀ with
// L'_ij = S_ij / p_j and D = diag(p).
fn solve_cholesky(d: u32, tid: u32) {
  for (var j = 0u; j < d; j++) {
    let i = j + 1u + tid;
    if (i < d) {
      let sij = tri[at(i, j)] * inverse_pivot(j);
      for (var k = j + 1u; k <= i; k++) { tri[at(i, k)] -= sij * tri[at(k, j)]; }
    }
    workgroupBarrier();
  }
  // The triangular solves are d² steps: cheaper on one invocation than 2d barriers.
  // Forward: z = D⁻¹ L'⁻¹ b; back: x = L'⁻ᵀ z.
  if (tid == 0u) {
    for (var i = 0u; i < d; i++) {
      var t = rhs[i];
      for (var k = 0u; k < i; k++) { t -= tri[at(i, k)] * x[k]; }
      x[i] = t * inverse_pivot(i);
    }
    for (var ii = d; ii > 0u; ii--) {
      let i = ii - 1u;
      var t = 0.0;
      for (var k = i + 1u; k < d; k++) { t += tri[at(k, i)] * x[k]; }
      x[i] -= t * inverse_pivot(i);
    }
  }
  workgroupBarrier();
}

// Cyclic coordinate descent from zero on ½xᵀAx − bᵀx, x ≥ 0, keeping the gradient b − A x current as x changes.
// Every invocation takes the same steps on its own copy of x, so a step needs no broadcast; the gradient is double
// buffered (read one half, write the other), so each coordinate costs one barrier.
fn solve_nonnegative(d: u32, tid: u32) {
  var ownX: array<f32, MAX_DIM>;
  if (tid < d) { gradient[tid] = rhs[tid]; }
  workgroupBarrier();
  var current = 0u;
  for (var sweep = 0u; sweep < params.maxIterations; sweep++) {
    var moved = 0.0;
    var largest = 0.0;
    for (var j = 0u; j < d; j++) {
      let next = max(0.0, ownX[j] + gradient[current + j] / max(tri[at(j, j)], MIN_PIVOT));
      let change = next - ownX[j];
      ownX[j] = next;
      moved = max(moved, abs(change));
      largest = max(largest, next);
      let other = MAX_DIM - current;
      if (tid < d) { gradient[other + tid] = gradient[current + tid] - sym(tid, j) * change; }
      current = other;
      workgroupBarrier();
    }
    if (tid == 0u) { converged = select(0u, 1u, moved <= params.tolerance * largest); }
    if (workgroupUniformLoad(&converged) != 0u) { break; }
  }
  if (tid < d) { x[tid] = ownX[tid]; }
}

fn solve_row(row: u32, d: u32, tid: u32) {
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
