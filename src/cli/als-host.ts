import { Worker } from 'node:worker_threads';
import type { ModelHost } from '../engine/model/als-contract';
import { tsKernel } from '../ml/kernels/ts-kernel';
import { createWasmKernel } from '../ml/kernels/wasm/wasm-kernel';
import { createModelHost, POOL_MIN_RATINGS } from '../ml/model-host';
import { PoolSweeper } from '../ml/pool/pool-sweeper';
import type { FromWorker, WorkerChannel } from '../ml/pool/protocol';
import { LocalSweeper } from '../ml/sweeper';
import { readAlsWasm } from './wasm-bytes';

export type CpuBackend = 'wasm' | 'ts';

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
 * The CLI's trainer: the wasm SIMD kernel (or the TS reference, on request) on `threads` worker threads, or on this
 * thread for small data. Rows solve independently, so every choice gives the same model.
 */
export function cliModelHost(options: { threads: number; backend: CpuBackend; poolMinRatings?: number }): ModelHost {
  const wasm = options.backend === 'wasm' ? readAlsWasm() : undefined;
  const minRatings = options.poolMinRatings ?? POOL_MIN_RATINGS;
  return createModelHost({
    async create(matrix) {
      const nnz = matrix.byUser.indices.length;
      if (options.threads <= 1 || nnz < minRatings) {
        return { sweeper: new LocalSweeper(wasm ? createWasmKernel(wasm) : tsKernel, matrix) };
      }
      const workers = Array.from({ length: options.threads }, threadChannel);
      const sweeper = await PoolSweeper.start(workers, matrix, wasm ? { name: 'wasm', wasm } : { name: 'ts' });
      return { sweeper };
    },
  });
}
