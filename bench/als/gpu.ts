import { describeNodeGpu } from '../../src/cli/webgpu-device';
import { GpuSweeper } from '../../src/ml/gpu-sweeper';
import type { RatingsMatrix, Sweeper } from '../../src/ml/sweeper';

/** A GPU sweeper on this machine's WebGPU adapter, or why there is none (the bench records the reason). */
export async function gpuSweeperForBench(matrix: RatingsMatrix): Promise<Sweeper | string> {
  const gpu = await describeNodeGpu();
  if (!gpu.device) return `no WebGPU adapter: ${gpu.reason ?? 'unknown'}`;
  return new GpuSweeper(gpu.device, matrix, gpu.adapterInfo ?? 'unknown adapter');
}
