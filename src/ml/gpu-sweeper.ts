/// <reference types="@webgpu/types" />
import { createGpuSolver, type GpuSolver } from './kernels/webgpu/gpu-solver';
import type { RatingsMatrix, Side, SolvedSide, Sweeper, SweepJob } from './sweeper';

/** Half-sweeps on a GPU: every row of a side in one solver call (batched Gram accumulation, then batched solves). */
export class GpuSweeper implements Sweeper {
  readonly description: string;
  private readonly solver: GpuSolver;

  constructor(
    device: GPUDevice,
    private readonly matrix: RatingsMatrix,
    adapterInfo: string,
  ) {
    this.solver = createGpuSolver(device);
    this.description = `WebGPU (${adapterInfo})`;
  }

  /** The WGSL kernels return no squared errors: the trainer evaluates the loss itself after a GPU sweep. */
  async solve(side: Side, job: SweepJob): Promise<SolvedSide> {
    const m = side === 'users' ? this.matrix.byUser : this.matrix.byItem;
    const rows = await this.solver.solve({ ...job, indptr: m.indptr, indices: m.indices, values: m.values, start: 0, end: m.rows });
    return { rows, rowSse: null };
  }

  dispose(): void {
    this.solver.destroy();
  }
}
