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

/** What changes from one half-sweep to the next; the rows (a CSR side) stay with the sweeper. */
export type SweepJob = Omit<SolveJob, 'indptr' | 'indices' | 'values' | 'start' | 'end'>;

/**
 * Runs half-sweeps over all rows of one side: on this thread, across worker threads, or on a GPU. The trainer only
 * sees this, so every path trains with the same loop.
 */
export interface Sweeper {
  /** For progress lines and the studio: e.g. `wasm SIMD × 2 workers`, `WebGPU (SwiftShader)`. */
  readonly description: string;
  /** The solved rows of `side`, row-major, `job.dim` columns. */
  solve(side: Side, job: SweepJob): Promise<Float64Array>;
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

  solve(side: Side, job: SweepJob): Promise<Float64Array> {
    const m = side === 'users' ? this.matrix.byUser : this.matrix.byItem;
    const out = new Float64Array(m.rows * job.dim);
    this.kernel.solve({ ...job, indptr: m.indptr, indices: m.indices, values: m.values, start: 0, end: m.rows }, out);
    return Promise.resolve(out);
  }

  dispose(): void {}
}
