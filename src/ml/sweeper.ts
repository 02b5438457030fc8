import { csrFromTriples, transpose, type Csr } from './csr';
import type { CpuKernel, SolveJob } from './kernels/kernel';

/** The ratings as the trainer holds them: users × items, and its transpose for the item half-sweep. */
export interface RatingsMatrix {
  byUser: Csr;
  byItem: Csr;
}

export function ratingsMatrix(users: number, items: number, user: Int32Array, item: Int32Array, rating: Float64Array): RatingsMatrix {
  const byUser = csrFromTriples(users, items, user, item, rating);
  return { byUser, byItem: transpose(byUser) };
}

export type Side = 'users' | 'items';

/**
 * What changes from one half-sweep to the next; the rows (a CSR side) stay with the sweeper. `rowSse` asks for each
 * row's squared error at its solution (explicit feedback), from which the trainer reports the loss.
 */
export type SweepJob = Omit<SolveJob, 'indptr' | 'indices' | 'values' | 'start' | 'end'> & { rowSse?: boolean };

/**
 * One side solved: its rows, row-major with `job.dim` columns, and each row's squared error when the job asked for it
 * and the sweeper computes it (the CPU kernels do, the GPU does not), else null.
 */
export interface SolvedSide {
  rows: Float64Array;
  rowSse: Float64Array | null;
}

/**
 * Runs half-sweeps over all rows of one side: on this thread, across worker threads, or on a GPU. The trainer only
 * sees this, so every path trains with the same loop.
 */
export interface Sweeper {
  /** For progress lines and the studio: e.g. `wasm SIMD × 2 workers`, `WebGPU (SwiftShader)`. */
  readonly description: string;
  /** Solves every row of `side`. */
  solve(side: Side, job: SweepJob): Promise<SolvedSide>;
  dispose(): void;
}

/** All rows on the calling thread with one CPU kernel: tests, small data, and each worker's share. */
export class LocalSweeper implements Sweeper {
  readonly description: string;

  constructor(
    private readonly kernel: CpuKernel,
    private readonly matrix: RatingsMatrix,
  ) {
    this.description = `${kernel.name === 'ts' ? 'TypeScript' : 'wasm SIMD'} × 1 thread`;
  }

  solve(side: Side, job: SweepJob): Promise<SolvedSide> {
    const m = side === 'users' ? this.matrix.byUser : this.matrix.byItem;
    const rows = new Float64Array(m.rows * job.dim);
    const rowSse = job.rowSse ? new Float64Array(m.rows) : null;
    this.kernel.solve({ ...job, indptr: m.indptr, indices: m.indices, values: m.values, start: 0, end: m.rows }, rows, rowSse ?? undefined);
    return Promise.resolve({ rows, rowSse });
  }

  dispose(): void {}
}
