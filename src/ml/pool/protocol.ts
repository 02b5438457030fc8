import type { Csr } from '../csr';
import type { Side, SweepJob } from '../sweeper';

/** The rows one worker owns on each side: a slice of the CSR, rows re-based to 0. */
export interface WorkerShare {
  users: Csr;
  items: Csr;
}

export type ToWorker =
  // The kernel as bytes (each worker compiles them) or as a compiled module (the browser compiles once and posts it).
  | { type: 'setup'; kernel: 'ts' | 'wasm'; wasm?: Uint8Array | WebAssembly.Module; share: WorkerShare }
  | { type: 'solve'; id: number; side: Side; job: SweepJob };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'solved'; id: number; rows: Float64Array; rowSse: Float64Array | null }
  | { type: 'failed'; id: number; message: string };

/** How the pool talks to one worker: a Web Worker in the browser, a worker_threads Worker in the CLI. */
export interface WorkerChannel {
  post(message: ToWorker, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: FromWorker) => void): void;
  onError(handler: (error: Error) => void): void;
  terminate(): void;
}

/** Rows [start, end) of a CSR as a CSR of their own. */
export function sliceRows(m: Csr, start: number, end: number): Csr {
  const lo = m.indptr[start]!;
  const hi = m.indptr[end]!;
  const indptr = new Int32Array(end - start + 1);
  for (let r = start; r <= end; r++) indptr[r - start] = m.indptr[r]! - lo;
  return { rows: end - start, cols: m.cols, indptr, indices: m.indices.slice(lo, hi), values: m.values.slice(lo, hi) };
}
