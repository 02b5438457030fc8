/// <reference types="@webgpu/types" />
import type { AlsParams } from '../engine/model/als-contract';
import type { GpuDescription } from './kernels/webgpu/adapter';
import { MAX_GPU_DIM } from './kernels/webgpu/wgsl-common';

/** The widest vector a half-sweep solves: the rank, plus one for a bias term. */
export function solvedDim(p: AlsParams): number {
  return p.rank + (!p.implicitPrefs && (p.bias.user || p.bias.item) ? 1 : 0);
}

/** Whether to train on the GPU found: a hardware one that fits the rank, or, when forced, any. Otherwise why not. */
export function gpuChoice(found: GpuDescription, dim: number, forced: boolean): { device?: GPUDevice; adapterInfo?: string; reason?: string } {
  if (!found.device) return { reason: `no WebGPU: ${found.reason ?? 'no adapter'}` };
  if (dim > MAX_GPU_DIM) return { reason: `rank ${dim} is above the GPU kernel's ${MAX_GPU_DIM}` };
  if (found.software && !forced) {
    return { reason: `the only WebGPU adapter (${found.adapterInfo ?? 'unknown'}) renders in software, slower than wasm SIMD` };
  }
  return { device: found.device, ...(found.adapterInfo ? { adapterInfo: found.adapterInfo } : {}) };
}
