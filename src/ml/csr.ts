/**
 * Compressed sparse rows: the ratings matrix as the trainer reads it. Row r's entries are
 * `indices[indptr[r] .. indptr[r+1])` with `values` alongside, columns ascending within a row.
 */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * Builds CSR from (row, col, value) triples by a stable counting sort, so the layout, and with it every floating-point
 * sum the kernels make, depends only on the data and never on the order rows arrived in from the engine.
 */
export function csrFromTriples(rows: number, cols: number, row: Int32Array, col: Int32Array, value: Float64Array): Csr {
  const nnz = row.length;
  // Sort by column first, then stably by row: each row's entries end up in ascending column order.
  const byCol = countingOrder(col, cols, identity(nnz));
  const order = countingOrder(row, rows, byCol);
  const indptr = new Int32Array(rows + 1);
  for (let e = 0; e < nnz; e++) indptr[row[e]! + 1]!++;
  for (let r = 0; r < rows; r++) indptr[r + 1]! += indptr[r]!;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let p = 0; p < nnz; p++) {
    const e = order[p]!;
    indices[p] = col[e]!;
    values[p] = value[e]!;
  }
  return { rows, cols, indptr, indices, values };
}

/** The same matrix, rows and columns swapped (items × users from users × items). */
export function transpose(m: Csr): Csr {
  const nnz = m.indices.length;
  const row = new Int32Array(nnz);
  for (let r = 0; r < m.rows; r++) row.fill(r, m.indptr[r]!, m.indptr[r + 1]!);
  return csrFromTriples(m.cols, m.rows, m.indices, row, m.values);
}

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** `order` re-sorted stably by `key` (keys in [0, buckets)). */
function countingOrder(key: Int32Array, buckets: number, order: Int32Array): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let p = 0; p < order.length; p++) start[key[order[p]!]! + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const out = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) {
    const e = order[p]!;
    out[start[key[e]!]!++] = e;
  }
  return out;
}

/** Rows [start, end) split into `parts` contiguous ranges of about equal entry counts, for the worker threads. */
export function balancedRanges(m: Csr, parts: number): Array<[number, number]> {
  const nnz = m.indices.length;
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let p = 1; p <= parts && start < m.rows; p++) {
    let end = start;
    const target = (nnz * p) / parts;
    while (end < m.rows && (m.indptr[end]! < target || end === start)) end++;
    if (p === parts) end = m.rows;
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}
