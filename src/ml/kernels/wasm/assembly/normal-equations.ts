// Accumulation of one row's normal equations: A += w·f fᵀ (lower triangle) and b += t·f.

/**
 * Adds two entries at once. Each cell of A is loaded and stored once for both, which halves the memory traffic,
 * while the additions still happen in entry order (first f1's term, then f2's), as one entry at a time would.
 */
export function addTwoEntries(a: usize, b: usize, d: i32, f1: usize, w1: f64, t1: f64, f2: usize, w2: f64, t2: f64): void {
  for (let i = 0; i < d; i++) {
    const row = a + ((<usize>i * <usize>d) << 3);
    const oi = <usize>i << 3;
    const s1 = w1 * load<f64>(f1 + oi);
    const s2 = w2 * load<f64>(f2 + oi);
    const v1 = f64x2.splat(s1);
    const v2 = f64x2.splat(s2);
    const n = i + 1;
    let j = 0;
    for (; j + 2 <= n; j += 2) {
      const o = <usize>j << 3;
      let cell = f64x2.add(v128.load(row + o), f64x2.mul(v1, v128.load(f1 + o)));
      cell = f64x2.add(cell, f64x2.mul(v2, v128.load(f2 + o)));
      v128.store(row + o, cell);
    }
    if (j < n) {
      const o = <usize>j << 3;
      store<f64>(row + o, load<f64>(row + o) + s1 * load<f64>(f1 + o) + s2 * load<f64>(f2 + o));
    }
  }
  const t1v = f64x2.splat(t1);
  const t2v = f64x2.splat(t2);
  let i = 0;
  for (; i + 2 <= d; i += 2) {
    const o = <usize>i << 3;
    const sum = f64x2.add(f64x2.add(v128.load(b + o), f64x2.mul(t1v, v128.load(f1 + o))), f64x2.mul(t2v, v128.load(f2 + o)));
    v128.store(b + o, sum);
  }
  if (i < d) {
    const o = <usize>i << 3;
    store<f64>(b + o, load<f64>(b + o) + t1 * load<f64>(f1 + o) + t2 * load<f64>(f2 + o));
  }
}

/** Adds one entry: the odd one out of a row's pairs. */
export function addOneEntry(a: usize, b: usize, d: i32, f: usize, w: f64, t: f64): void {
  for (let i = 0; i < d; i++) {
    const row = a + ((<usize>i * <usize>d) << 3);
    const oi = <usize>i << 3;
    const s = w * load<f64>(f + oi);
    const v = f64x2.splat(s);
    const n = i + 1;
    let j = 0;
    for (; j + 2 <= n; j += 2) {
      const o = <usize>j << 3;
      v128.store(row + o, f64x2.add(v128.load(row + o), f64x2.mul(v, v128.load(f + o))));
    }
    if (j < n) {
      const o = <usize>j << 3;
      store<f64>(row + o, load<f64>(row + o) + s * load<f64>(f + o));
    }
  }
  const tv = f64x2.splat(t);
  let i = 0;
  for (; i + 2 <= d; i += 2) {
    const o = <usize>i << 3;
    v128.store(b + o, f64x2.add(v128.load(b + o), f64x2.mul(tv, v128.load(f + o))));
  }
  if (i < d) {
    const o = <usize>i << 3;
    store<f64>(b + o, load<f64>(b + o) + t * load<f64>(f + o));
  }
}

/** A[i][i] += reg for every i. */
export function addToDiagonal(a: usize, d: i32, reg: f64): void {
  for (let i = 0; i < d; i++) {
    const cell = a + ((<usize>i * <usize>d + <usize>i) << 3);
    store<f64>(cell, load<f64>(cell) + reg);
  }
}
