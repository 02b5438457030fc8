/// <reference types="@webgpu/types" />
import { describe, expect, it } from 'vitest';
import { gpuChoice, solvedDim } from './gpu-choice';

const device = {} as GPUDevice;

describe('choosing the GPU', () => {
  it('takes a hardware adapter, and says why not otherwise', () => {
    expect(gpuChoice({ device, adapterInfo: 'nvidia hopper' }, 33, false)).toEqual({ device, adapterInfo: 'nvidia hopper' });
    expect(gpuChoice({ reason: 'no adapter (navigator.gpu.requestAdapter returned null)' }, 10, false).reason).toMatch(/^no WebGPU: no adapter/);
    expect(gpuChoice({ device, adapterInfo: 'google swiftshader', software: true }, 10, false).reason).toMatch(/renders in software/);
    expect(gpuChoice({ device, adapterInfo: 'nvidia hopper' }, 65, false).reason).toMatch(/rank 65 is above/);
  });

  it('uses a software adapter when the GPU is asked for by name', () => {
    expect(gpuChoice({ device, adapterInfo: 'google swiftshader', software: true }, 10, true).device).toBe(device);
  });

  it('counts the bias column into the solved width, for explicit feedback only', () => {
    const p = { rank: 64, maxIter: 1, regParam: 0.1, alpha: 1, implicitPrefs: false, nonnegative: false, seed: 1, bias: { global: true, user: true, item: false } };
    expect(solvedDim(p)).toBe(65);
    expect(solvedDim({ ...p, implicitPrefs: true })).toBe(64);
  });
});
