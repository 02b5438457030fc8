/**
 * Principal component analysis down to two components, for the item-factor scatter. Small by design: at most a few
 * thousand rows of rank ≤ 256, so an exact eigen-decomposition of the covariance (cyclic Jacobi) is cheap enough.
 */

export interface PlaneProjection {
  /** Each row's coordinates on the first and second principal component. */
  x: Float64Array;
  y: Float64Array;
  /** The share of the total variance each component explains (0–1). */
  explained: [number, number];
}

/** Projects `rows` × `cols` values (row-major) onto their first two principal components. */
export function projectToPlane(values: Float64Array, rows: number, cols: number): PlaneProjection {
  const x = new Float64Array(rows);
  const y = new Float64Array(rows);
  if (rows < 2 || cols < 1) return { x, y, explained: [0, 0] };
  const mean = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mean[c]! += values[r * cols + c]! / rows;
  const cov = new Float64Array(cols * cols);
  for (let r = 0; r < rows; r++) {
    for (let a = 0; a < cols; a++) {
      const da = values[r * cols + a]! - mean[a]!;
      for (let b = a; b < cols; b++) cov[a * cols + b]! += (da * (values[r * cols + b]! - mean[b]!)) / (rows - 1);
    }
  }
  for (let a = 0; a < cols; a++) for (let b = 0; b < a; b++) cov[a * cols + b] = cov[b * cols + a]!;
  const { eigenvalues, eigenvectors } = symmetricEigen(cov, cols);
  const order = [...eigenvalues.keys()].sort((i, j) => eigenvalues[j]! - eigenvalues[i]!);
  const total = eigenvalues.reduce((s, v) => s + Math.max(v, 0), 0);
  const axes = order.slice(0, 2).map((i) => orientedColumn(eigenvectors, cols, i));
  for (let r = 0; r < rows; r++) {
    let px = 0;
    let py = 0;
    for (let c = 0; c < cols; c++) {
      const d = values[r * cols + c]! - mean[c]!;
      px += d * axes[0]![c]!;
      py += d * (axes[1]?.[c] ?? 0);
    }
    x[r] = px;
    y[r] = py;
  }
  const share = (k: number) => (total > 0 && order[k] !== undefined ? Math.max(eigenvalues[order[k]!]!, 0) / total : 0);
  return { x, y, explained: [share(0), share(1)] };
}

/**
 * Eigenvalues and eigenvectors (as the columns of a row-major n × n matrix) of a symmetric matrix, by cyclic Jacobi
 * rotations: each zeroes one off-diagonal entry, and the sweeps stop once the off-diagonal mass is negligible.
 */
export function symmetricEigen(matrix: Float64Array, n: number): { eigenvalues: number[]; eigenvectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const scale = a.reduce((s, x) => s + x * x, 0);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, v, n, p, q, c, s);
      }
    }
  }
  return { eigenvalues: Array.from({ length: n }, (_, i) => a[i * n + i]!), eigenvectors: v };
}

/** Applies the rotation in the (p, q) plane: A ← JᵀAJ and V ← VJ. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p]!;
    const akq = a[k * n + q]!;
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k]!;
    const aqk = a[q * n + k]!;
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p]!;
    const vkq = v[k * n + q]!;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

/** Column `i` of a row-major matrix, its sign fixed so its largest entry is positive: the plot does not flip between draws. */
function orientedColumn(m: Float64Array, n: number, i: number): Float64Array {
  const col = Float64Array.from({ length: n }, (_, k) => m[k * n + i]!);
  let largest = 0;
  for (const value of col) if (Math.abs(value) > Math.abs(largest)) largest = value;
  if (largest < 0) for (let k = 0; k < n; k++) col[k] = -col[k]!;
  return col;
}
