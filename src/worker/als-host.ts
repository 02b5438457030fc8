/**
 * The studio's trainer, as the CLI's (src/cli/als-host.ts) but with Web Workers: the wasm SIMD kernel, compiled once
 * and posted to `threads` workers, or the calling thread for small data. It knows no browser globals itself, so the
 * tests run it in Node; the engine worker passes `navigator.hardwareConcurrency`, the kernel fetch and the workers.
 */
import type { AlsParams, ModelHost } from '../engine/model/als-contract';
import type { CpuKernel } from '../ml/kernels/kernel';
import { tsKernel } from '../ml/kernels/ts-kernel';
import { createWasmKernel } from '../ml/kernels/wasm/wasm-kernel';
import { createModelHost, POOL_MIN_RATINGS } from '../ml/model-host';
import { PoolSweeper } from '../ml/pool/pool-sweeper';
import type { WorkerChannel } from '../ml/pool/protocol';
import { LocalSweeper, type RatingsMatrix, type Side, type SolvedSide, type Sweeper, type SweepJob } from '../ml/sweeper';

/**
 * Where the WebGPU path plugs in: given the ratings, a GPU sweeper, or the reason there is none (shown to the user
 * as the fallback reason while the CPU trains). Optional: without it the studio trains on the CPU.
 */
export type GpuSweeperSource = (matrix: RatingsMatrix, params: AlsParams) => Promise<{ sweeper?: Sweeper; reason?: string }>;

export interface BrowserTrainerOptions {
  /** Workers to split rows across (`navigator.hardwareConcurrency`); at least 1. */
  threads: number;
  /** The compiled wasm SIMD kernel; a rejection makes the trainer use the TypeScript kernel and say why. */
  loadKernel(): Promise<WebAssembly.Module>;
  /** Starts one training worker (a nested Web Worker running `alsWorker`). */
  startWorker(): WorkerChannel;
  gpu?: GpuSweeperSource;
  /** Below this many ratings the calling thread trains; the default is the CLI's. */
  poolMinRatings?: number;
}

/** The compiled kernel, or why there is none. */
type KernelSource = { module: WebAssembly.Module; reason?: undefined } | { module?: undefined; reason: string };

export function browserModelHost(options: BrowserTrainerOptions): ModelHost {
  let kernel: Promise<KernelSource> | undefined;
  // Compiled on the first training, then kept: every later training (and every worker) reuses the module.
  const kernelSource = (): Promise<KernelSource> =>
    (kernel ??= options.loadKernel().then(
      (module) => ({ module }),
      (e: unknown) => ({ reason: `the wasm SIMD kernel could not load (${messageOf(e)}), so the TypeScript kernel trains` }),
    ));
  const threads = Math.max(1, Math.floor(options.threads) || 1);
  const minRatings = options.poolMinRatings ?? POOL_MIN_RATINGS;

  return createModelHost({
    async create(matrix, params) {
      const gpu = options.gpu ? await options.gpu(matrix, params).catch((e: unknown) => ({ sweeper: undefined, reason: `WebGPU failed (${messageOf(e)})` })) : undefined;
      if (gpu?.sweeper) return { sweeper: gpu.sweeper };
      const source = await kernelSource();
      const reasons = [gpu?.reason, source.reason];
      if (threads > 1 && matrix.byUser.indices.length >= minRatings) {
        const workers = Array.from({ length: threads }, () => options.startWorker());
        try {
          const sweeper = await PoolSweeper.start(workers, matrix, source.module ? { name: 'wasm', wasm: source.module } : { name: 'ts' });
          return withReasons(sweeper, reasons);
        } catch (e) {
          for (const w of workers) w.terminate();
          reasons.push(`the training workers did not start (${messageOf(e)}), so this thread trains`);
        }
      }
      return withReasons(new YieldingSweeper(source.module ? createWasmKernel(source.module) : tsKernel, matrix), reasons);
    },
  });
}

function withReasons(sweeper: Sweeper, reasons: (string | undefined)[]): { sweeper: Sweeper; fallbackReason?: string } {
  const said = reasons.filter((r): r is string => r !== undefined);
  return said.length > 0 ? { sweeper, fallbackReason: said.join('; ') } : { sweeper };
}

/**
 * Solves on the calling thread, but lets the event loop run before each half-sweep. Without that, the engine worker
 * would not see a Cancel (or anything else) until the training ended: awaiting resolved promises never yields to
 * incoming messages.
 */
class YieldingSweeper implements Sweeper {
  private readonly local: LocalSweeper;

  constructor(kernel: CpuKernel, matrix: RatingsMatrix) {
    this.local = new LocalSweeper(kernel, matrix);
  }

  get description(): string {
    return this.local.description;
  }

  async solve(side: Side, job: SweepJob): Promise<SolvedSide> {
    await nextTask();
    return this.local.solve(side, job);
  }

  dispose(): void {
    this.local.dispose();
  }
}

/** Resolves in a new task: a MessageChannel message, which (unlike a nested setTimeout) is never clamped to 4 ms. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
