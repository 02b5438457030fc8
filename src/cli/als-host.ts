import { Worker } from 'node:worker_threads';
import { fail } from '../engine/errors/catalog';
import type { ModelHost } from '../engine/model/als-contract';
import { GpuSweeper } from '../ml/gpu-sweeper';
import type { GpuDescription } from '../ml/kernels/webgpu/adapter';
import { gpuChoice, solvedDim } from '../ml/gpu-choice';
import { tsKernel } from '../ml/kernels/ts-kernel';
import { createWasmKernel } from '../ml/kernels/wasm/wasm-kernel';
import { createModelHost, POOL_MIN_RATINGS } from '../ml/model-host';
import { PoolSweeper } from '../ml/pool/pool-sweeper';
import type { FromWorker, WorkerChannel } from '../ml/pool/protocol';
import { LocalSweeper, type RatingsMatrix } from '../ml/sweeper';
import { readAlsWasm } from './wasm-bytes';
import { describeNodeGpu } from './webgpu-device';

/** `auto`: a hardware GPU when there is one, else wasm SIMD on worker threads. */
export type Backend = 'auto' | 'webgpu' | 'wasm' | 'ts';
export const BACKENDS: readonly Backend[] = ['auto', 'webgpu', 'wasm', 'ts'];

export { POOL_MIN_RATINGS };

/** One ALS worker thread. */
export function threadChannel(): WorkerChannel {
  const worker = new Worker(new URL('./als-worker.mjs', import.meta.url));
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    onMessage: (handler) => worker.on('message', (m: FromWorker) => handler(m)),
    onError: (handler) => worker.on('error', handler),
    terminate: () => void worker.terminate(),
  };
}

/**
 * The CLI's trainer. `auto` trains on a hardware GPU when WebGPU finds one (and says why not otherwise), else on the
 * wasm SIMD kernel across `threads` worker threads, or on this thread for small data. The CPU choices give the same
 * model bit for bit (rows solve independently); the GPU solves in f32.
 */
export function cliModelHost(options: { threads: number; backend: Backend; poolMinRatings?: number }): ModelHost {
  const wasm = options.backend === 'ts' ? undefined : readAlsWasm();
  const minRatings = options.poolMinRatings ?? POOL_MIN_RATINGS;
  // The GPU is looked for once, on the first training, and only when the backend may use it.
  let gpu: Promise<GpuDescription> | undefined;
  const findGpu = () => (gpu ??= describeNodeGpu());
  const cpu = async (matrix: RatingsMatrix) => {
    const nnz = matrix.byUser.indices.length;
    if (options.threads <= 1 || nnz < minRatings) return new LocalSweeper(wasm ? createWasmKernel(wasm) : tsKernel, matrix);
    const workers = Array.from({ length: options.threads }, threadChannel);
    return PoolSweeper.start(workers, matrix, wasm ? { name: 'wasm', wasm } : { name: 'ts' });
  };
  return createModelHost({
    async create(matrix, params) {
      if (options.backend === 'wasm' || options.backend === 'ts') return { sweeper: await cpu(matrix) };
      const choice = await gpuChoice(await findGpu(), solvedDim(params), options.backend === 'webgpu');
      if (choice.device) return { sweeper: new GpuSweeper(choice.device, matrix, choice.adapterInfo ?? 'GPU') };
      if (options.backend === 'webgpu') fail('E_GPU_FAILED', { detail: choice.reason ?? 'no WebGPU device' });
      return { sweeper: await cpu(matrix), ...(choice.reason ? { fallbackReason: choice.reason } : {}) };
    },
  });
}
