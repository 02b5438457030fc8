// Accumulation of one row's normal equations, A = Σ w·f fᵀ and b = Σ t·f, a chunk of entries at a time.
//
// Each chunk is first gathered: every entry's row of the fixed side is copied into a packed buffer P with t appended
// (P[e] = f₀ … f_{d−1}, t, zero padding to an even width). The gather loop is short, so the processor keeps many of
// its cache misses in flight at once; at large sizes the fixed side does not fit in cache and those misses, not the
// arithmetic, set the pace. Then G += Σ_e Q[e] P[e]ᵀ is accumulated tile by tile over the packed chunk (it sits in
// L1), each tile held in registers across the whole chunk instead of being loaded and stored once per entry. Q is P
// with its first d columns scaled by w (Q is P itself for explicit feedback, where w = 1). Row d of G is then b.
//
// Every cell still adds its entries' products one by one in entry order, onto the implicit model's Gram or onto 0, as
// the reference kernel does: the sums, and with them the factors and the example flows' goldens, do not depend on
// the chunk size or the tiling.

/** Bytes of a packed buffer per chunk: P and Q (8 KiB each) and G stay in a 32 KiB L1 together. */
const CHUNK_BYTES: usize = 8192;

/** The packed width: d factors and the target, rounded up to an even count so every tile is whole f64x2 lanes. */
export function packedWidth(d: i32): i32 {
  return (d + 2) & ~1;
}

/** Entries gathered per chunk, at least 4. */
export function chunkEntries(d: i32): i32 {
  return max(4, <i32>(CHUNK_BYTES >> 3) / packedWidth(d));
}

/**
 * Copies `n` entries into P (and Q, when `q` differs from `p`): factor row `fixed + column·d`, then the target, then
 * zeros. `weights` and `targets` hold w and t per entry.
 */
export function gatherChunk(p: usize, q: usize, fixed: usize, d: i32, columns: usize, weights: usize, targets: usize, n: i32): void {
  const width = packedWidth(d);
  const rowBytes = <usize>width << 3;
  const factorBytes = <usize>d << 3;
  for (let e = 0; e < n; e++) {
    const src = fixed + <usize>load<i32>(columns + (<usize>e << 2)) * factorBytes;
    const dst = p + <usize>e * rowBytes;
    let k = 0;
    for (; k + 2 <= d; k += 2) v128.store(dst + (<usize>k << 3), v128.load(src + (<usize>k << 3)));
    if (k < d) store<f64>(dst + (<usize>k << 3), load<f64>(src + (<usize>k << 3)));
    const t = load<f64>(targets + (<usize>e << 3));
    store<f64>(dst + factorBytes, t);
    if (width > d + 1) store<f64>(dst + factorBytes, 0, 8);
  }
  if (q == p) return;
  for (let e = 0; e < n; e++) {
    const w = load<f64>(weights + (<usize>e << 3));
    const src = p + <usize>e * rowBytes;
    const dst = q + <usize>e * rowBytes;
    const wv = f64x2.splat(w);
    for (let k = 0; k < width; k += 2) v128.store(dst + (<usize>k << 3), f64x2.mul(wv, v128.load(src + (<usize>k << 3))));
    // b takes t, not w·t: restore it (and its zero pad) unscaled.
    store<f64>(dst + factorBytes, load<f64>(src + factorBytes));
    if (width > d + 1) store<f64>(dst + factorBytes, 0, 8);
  }
}

/**
 * G += Σ_e Q[e] ⊗ P[e] over `n` packed entries, in entry order, on G's lower triangle by 2 × 2 blocks (width × width, row-major;
 * the diagonal blocks also fill the cell just above the diagonal, which nothing reads).
 */
export function accumulateChunk(g: usize, q: usize, p: usize, d: i32, n: i32): void {
  const width = packedWidth(d);
  const stride = <usize>width << 3;
  for (let i = 0; i < width; i += 2) {
    // Column pairs 0 … i/2: in tiles of 4 pairs, then 2, then 1.
    let j = 0;
    for (; j + 8 <= i + 2; j += 8) tile2x8(g, width, q, p, stride, n, i, j);
    if (j + 4 <= i + 2) {
      tile2x4(g, width, q, p, stride, n, i, j);
      j += 4;
    }
    if (j < i + 2) tile2x2(g, width, q, p, stride, n, i, j);
  }
}

/** Starts G for a row: the implicit model's Gram (when `gram` is not 0) in its top-left d × d, zeros elsewhere. */
export function startNormalEquations(g: usize, d: i32, gram: usize): void {
  const width = packedWidth(d);
  memory.fill(g, 0, (<usize>width * <usize>width) << 3);
  if (gram == 0) return;
  for (let i = 0; i < d; i++) memory.copy(g + ((<usize>i * <usize>width) << 3), gram + ((<usize>i * <usize>d) << 3), <usize>d << 3);
}

/** A's lower triangle (d × d) and b, from G. */
export function unpackNormalEquations(g: usize, d: i32, a: usize, b: usize): void {
  const width = packedWidth(d);
  for (let i = 0; i < d; i++) memory.copy(a + ((<usize>i * <usize>d) << 3), g + ((<usize>i * <usize>width) << 3), (<usize>i + 1) << 3);
  memory.copy(b, g + ((<usize>d * <usize>width) << 3), <usize>d << 3);
}

/**
 * Σ_e (t_e − x·f_e)² for the row whose sums G holds (explicit feedback: G = Σ P[e] P[e]ᵀ), as zᵀ G z with z = (x, −1):
 * xᵀ(Σ f fᵀ)x − 2 xᵀ(Σ t f) + Σ t², read from G's lower triangle. O(d²) per row instead of a second pass over the
 * row's entries; never below 0, which rounding could otherwise give a perfectly fitted row.
 */
export function squaredError(g: usize, d: i32, x: usize): f64 {
  const width = packedWidth(d);
  let total: f64 = 0;
  for (let i = 0; i <= d; i++) {
    const row = g + ((<usize>i * <usize>width) << 3);
    const zi = i < d ? load<f64>(x + (<usize>i << 3)) : -1.0;
    let cross: f64 = 0;
    for (let j = 0; j < i; j++) cross += load<f64>(row + (<usize>j << 3)) * load<f64>(x + (<usize>j << 3));
    total += zi * (load<f64>(row + (<usize>i << 3)) * zi + 2 * cross);
  }
  return max(total, 0);
}

/** A[i][i] += reg for every i. */
export function addToDiagonal(a: usize, d: i32, reg: f64): void {
  for (let i = 0; i < d; i++) {
    const cell = a + ((<usize>i * <usize>d + <usize>i) << 3);
    store<f64>(cell, load<f64>(cell) + reg);
  }
}

// The tiles: rows i, i+1 of G by 2·pairs columns from j, loaded into registers, summed over the chunk, stored back.

function tile2x8(g: usize, width: i32, q: usize, p: usize, stride: usize, n: i32, i: i32, j: i32): void {
  const row = g + ((<usize>i * <usize>width + <usize>j) << 3);
  const next = row + (<usize>width << 3);
  let a0 = v128.load(row), a1 = v128.load(row, 16), a2 = v128.load(row, 32), a3 = v128.load(row, 48);
  let c0 = v128.load(next), c1 = v128.load(next, 16), c2 = v128.load(next, 32), c3 = v128.load(next, 48);
  let qe = q + (<usize>i << 3);
  let pe = p + (<usize>j << 3);
  for (let e = 0; e < n; e++) {
    const s = v128.load64_splat(qe);
    const t = v128.load64_splat(qe, 8);
    const f0 = v128.load(pe);
    const f1 = v128.load(pe, 16);
    const f2 = v128.load(pe, 32);
    const f3 = v128.load(pe, 48);
    a0 = f64x2.add(a0, f64x2.mul(s, f0));
    a1 = f64x2.add(a1, f64x2.mul(s, f1));
    a2 = f64x2.add(a2, f64x2.mul(s, f2));
    a3 = f64x2.add(a3, f64x2.mul(s, f3));
    c0 = f64x2.add(c0, f64x2.mul(t, f0));
    c1 = f64x2.add(c1, f64x2.mul(t, f1));
    c2 = f64x2.add(c2, f64x2.mul(t, f2));
    c3 = f64x2.add(c3, f64x2.mul(t, f3));
    qe += stride;
    pe += stride;
  }
  v128.store(row, a0);
  v128.store(row, a1, 16);
  v128.store(row, a2, 32);
  v128.store(row, a3, 48);
  v128.store(next, c0);
  v128.store(next, c1, 16);
  v128.store(next, c2, 32);
  v128.store(next, c3, 48);
}

function tile2x4(g: usize, width: i32, q: usize, p: usize, stride: usize, n: i32, i: i32, j: i32): void {
  const row = g + ((<usize>i * <usize>width + <usize>j) << 3);
  const next = row + (<usize>width << 3);
  let a0 = v128.load(row), a1 = v128.load(row, 16);
  let c0 = v128.load(next), c1 = v128.load(next, 16);
  let qe = q + (<usize>i << 3);
  let pe = p + (<usize>j << 3);
  for (let e = 0; e < n; e++) {
    const s = v128.load64_splat(qe);
    const t = v128.load64_splat(qe, 8);
    const f0 = v128.load(pe);
    const f1 = v128.load(pe, 16);
    a0 = f64x2.add(a0, f64x2.mul(s, f0));
    a1 = f64x2.add(a1, f64x2.mul(s, f1));
    c0 = f64x2.add(c0, f64x2.mul(t, f0));
    c1 = f64x2.add(c1, f64x2.mul(t, f1));
    qe += stride;
    pe += stride;
  }
  v128.store(row, a0);
  v128.store(row, a1, 16);
  v128.store(next, c0);
  v128.store(next, c1, 16);
}

function tile2x2(g: usize, width: i32, q: usize, p: usize, stride: usize, n: i32, i: i32, j: i32): void {
  const row = g + ((<usize>i * <usize>width + <usize>j) << 3);
  const next = row + (<usize>width << 3);
  let a0 = v128.load(row);
  let c0 = v128.load(next);
  let qe = q + (<usize>i << 3);
  let pe = p + (<usize>j << 3);
  for (let e = 0; e < n; e++) {
    const f0 = v128.load(pe);
    a0 = f64x2.add(a0, f64x2.mul(v128.load64_splat(qe), f0));
    c0 = f64x2.add(c0, f64x2.mul(v128.load64_splat(qe, 8), f0));
    qe += stride;
    pe += stride;
  }
  v128.store(row, a0);
  v128.store(next, c0);
}
