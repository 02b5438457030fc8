import { describe, expect, it } from 'vitest';
import { readAlsWasm } from '../cli/wasm-bytes';
import type { AlsParams, AlsTrainingData } from '../engine/model/als-contract';
import { tsKernel } from '../ml/kernels/ts-kernel';
import type { FromWorker, ToWorker, WorkerChannel } from '../ml/pool/protocol';
import { alsWorker } from '../ml/pool/worker-core';
import { SeededRandom } from '../ml/rng';
import { LocalSweeper, type Sweeper } from '../ml/sweeper';
import { relativeGap } from '../ml/testing/random-job';
import { browserModelHost, type BrowserTrainerOptions } from './als-host';

function ratings(seed: number): AlsTrainingData {
  const rng = new SeededRandom(seed);
  const user: number[] = [];
  const item: number[] = [];
  const rating: number[] = [];
  for (let u = 0; u < 80; u++) {
    for (let i = 0; i < 60; i++) {
      if (rng.next() > 0.3) continue;
      user.push(u);
      item.push(i);
      rating.push(1 + Math.floor(rng.next() * 5));
    }
  }
  return { users: 80, items: 60, user: Int32Array.from(user), item: Int32Array.from(item), rating: Float64Array.from(rating) };
}

const params: AlsParams = { rank: 5, maxIter: 3, regParam: 0.1, alpha: 1, implicitPrefs: false, nonnegative: false, seed: 9, bias: { global: true, user: true, item: true } };
const compiled = WebAssembly.compile(readAlsWasm());

/** A training worker on this thread: the real worker body behind the channel the pool talks to. */
function inThreadWorker(setups: ToWorker[]): WorkerChannel {
  let deliver: (m: FromWorker) => void = () => undefined;
  const body = alsWorker((m) => queueMicrotask(() => deliver(m)));
  return {
    post: (m) => {
      if (m.type === 'setup') setups.push(m);
      queueMicrotask(() => body(m));
    },
    onMessage: (handler) => (deliver = handler),
    onError: () => undefined,
    terminate: () => undefined,
  };
}

function host(options: Partial<BrowserTrainerOptions> & { loads?: { n: number } }) {
  const loads = options.loads ?? { n: 0 };
  return browserModelHost({
    threads: 1,
    loadKernel: () => {
      loads.n++;
      return compiled;
    },
    startWorker: () => inThreadWorker([]),
    ...options,
  });
}

describe('the studio trainer', () => {
  it('trains small data on the calling thread with the wasm kernel, compiled once for every training', async () => {
    const loads = { n: 0 };
    const trainer = host({ threads: 4, loads });
    const first = await trainer.trainAls(ratings(1), params, {});
    await trainer.trainAls(ratings(2), params, {});
    expect(first.backend).toBe('wasm SIMD × 1 thread');
    expect(first.fallbackReason).toBeUndefined();
    expect(loads.n).toBe(1);
  });

  it('splits rows across workers from the number of cores, posting them the compiled module, with the same model', async () => {
    const setups: ToWorker[] = [];
    const data = ratings(3);
    const pooled = await host({ threads: 3, poolMinRatings: 0, startWorker: () => inThreadWorker(setups) }).trainAls(data, params, {});
    const single = await host({ threads: 1 }).trainAls(data, params, {});
    expect(pooled.backend).toBe('wasm SIMD × 3 workers');
    expect(setups).toHaveLength(3);
    expect(setups.every((m) => m.type === 'setup' && m.wasm instanceof WebAssembly.Module)).toBe(true);
    expect(Array.from(pooled.itemFactors)).toEqual(Array.from(single.itemFactors));
  });

  it('falls back to the TypeScript kernel when the wasm kernel cannot load, and says why', async () => {
    const data = ratings(4);
    const trainer = host({ loadKernel: () => Promise.reject(new Error('HTTP 404')) });
    const model = await trainer.trainAls(data, params, {});
    expect(model.backend).toBe('TypeScript × 1 thread');
    expect(model.fallbackReason).toBe('the wasm SIMD kernel could not load (HTTP 404), so the TypeScript kernel trains');
    const wasm = await host({}).trainAls(data, params, {});
    expect(relativeGap(model.userFactors, wasm.userFactors)).toBeLessThan(1e-9);
  });

  it('trains on this thread when the workers do not start, and says why', async () => {
    const broken = (): WorkerChannel => ({
      post: () => undefined,
      onMessage: () => undefined,
      onError: (handler) => queueMicrotask(() => handler(new Error('nested workers are off'))),
      terminate: () => undefined,
    });
    const model = await host({ threads: 2, poolMinRatings: 0, startWorker: broken }).trainAls(ratings(5), params, {});
    expect(model.backend).toBe('wasm SIMD × 1 thread');
    expect(model.fallbackReason).toBe('the training workers did not start (nested workers are off), so this thread trains');
  });

  it('trains on the GPU sweeper when the WebGPU seam gives one, and says why when it gives none', async () => {
    const gpuSweeper = (sweeper: Sweeper): Sweeper => ({ description: 'WebGPU (test adapter)', solve: (s, j) => sweeper.solve(s, j), dispose: () => undefined });
    const onGpu = await host({ gpu: (matrix) => Promise.resolve({ sweeper: gpuSweeper(new LocalSweeper(tsKernel, matrix)) }) }).trainAls(ratings(6), params, {});
    expect(onGpu.backend).toBe('WebGPU (test adapter)');
    const noGpu = await host({ gpu: () => Promise.resolve({ reason: 'no WebGPU in this browser' }) }).trainAls(ratings(6), params, {});
    expect(noGpu.backend).toBe('wasm SIMD × 1 thread');
    expect(noGpu.fallbackReason).toBe('no WebGPU in this browser');
    const failing = await host({ gpu: () => Promise.reject(new Error('device lost')) }).trainAls(ratings(6), params, {});
    expect(failing.fallbackReason).toBe('WebGPU failed (device lost)');
  });

  it('lets the event loop run between half-sweeps, so a cancel arriving as a message stops the training', async () => {
    const controller = new AbortController();
    // A message (as a Cancel from the page is) sent before training: it can only land if the trainer yields.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      controller.abort();
      channel.port1.close();
    };
    channel.port2.postMessage('cancel');
    const iterations: number[] = [];
    const training = host({}).trainAls(ratings(7), { ...params, maxIter: 50 }, { signal: controller.signal, onIteration: (r) => iterations.push(r.iteration) });
    await expect(training).rejects.toThrow('Training was cancelled.');
    expect(iterations.length).toBeLessThan(50);
  });
});
