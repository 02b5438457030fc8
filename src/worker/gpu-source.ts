/// <reference types="@webgpu/types" />
import { GpuSweeper } from '../ml/gpu-sweeper';
import { gpuChoice, solvedDim } from '../ml/gpu-choice';
import { describeGpu, type GpuDescription } from '../ml/kernels/webgpu/adapter';
import type { GpuSweeperSource } from './als-host';

/**
 * The studio's WebGPU path, chosen as the CLI's `auto` backend chooses: a hardware adapter whose kernel fits the rank.
 * The adapter is looked for once, on the first training; without one, the reason is what the Training tab shows.
 */
export function browserGpu(gpu: GPU | undefined): GpuSweeperSource {
  let found: Promise<GpuDescription> | undefined;
  return async (matrix, params) => {
    const choice = gpuChoice(await (found ??= describeGpu(gpu)), solvedDim(params), false);
    if (!choice.device) return choice.reason === undefined ? {} : { reason: choice.reason };
    return { sweeper: new GpuSweeper(choice.device, matrix, choice.adapterInfo ?? 'GPU') };
  };
}
