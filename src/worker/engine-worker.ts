/**
 * The engine worker's entry: the EngineSession on duckdb-wasm, exposed through comlink. Failures cross as
 * `{ code, message, blockId }`; Arrow pages and files are transferred, not copied.
 */
import * as Comlink from 'comlink';
import { browserModelHost } from './als-host';
import { startAlsWorker } from './als-worker-channel';
import { engineErrorInfo } from './block-state';
import { openBrowserDatabase } from './duckdb-loader';
import type { EngineApi } from './engine-api';
import { EngineSession } from './engine-session';
import { browserGpu } from './gpu-source';
import { loadBrowserParquet } from './parquet-browser';
import { fetchAlsWasmModule } from './wasm-kernel-url';

/**
 * duckdb-wasm's own worker died, so this engine cannot answer again. Thrown outside any call, the error reaches the
 * page as this worker's `error` event, and the client rebuilds the engine.
 */
function crashed(message: string): void {
  setTimeout(() => {
    throw new Error(`DuckDB crashed: ${message}`);
  });
}

/**
 * Model blocks train on a hardware GPU where WebGPU finds one, else on nested workers, one per core, with the wasm
 * SIMD kernel (compiled once, on first use).
 */
const models = browserModelHost({
  threads: navigator.hardwareConcurrency,
  loadKernel: fetchAlsWasmModule,
  startWorker: startAlsWorker,
  gpu: browserGpu(navigator.gpu),
});

let opening: Promise<EngineSession> | undefined;
const session = (): Promise<EngineSession> =>
  (opening ??= openBrowserDatabase(crashed).then((db) => EngineSession.open(db, loadBrowserParquet, models)));

/** The page's callbacks are comlink proxies: release their channels once the run is over. */
function release(...callbacks: unknown[]): void {
  for (const callback of callbacks) (callback as Partial<Comlink.Remote<object>> | undefined)?.[Comlink.releaseProxy]?.();
}

async function call<T>(task: (s: EngineSession) => Promise<T>): Promise<T> {
  try {
    return await task(await session());
  } catch (e) {
    // A plain object, so that comlink hands the client the code and block too, not only the message.
    throw engineErrorInfo(e);
  }
}

const transferred = <T>(value: T, bytes: Uint8Array): T => Comlink.transfer(value, [bytes.buffer as ArrayBuffer]);

const api: EngineApi = {
  init: () => call((s) => s.init()),
  registerFile: (inputName, fileName, source) => call((s) => s.registerFile(inputName, fileName, source)),
  unregisterFile: (inputName) => call((s) => s.unregisterFile(inputName)),
  runFlow: (flow, runId, onBlock, onTraining, options) =>
    call(async (s) => {
      try {
        return await s.runFlow(flow, runId, onBlock, onTraining, options);
      } finally {
        release(onBlock, onTraining);
      }
    }),
  cancelTraining: (blockId) => call((s) => s.cancelTraining(blockId)),
  cancelRun: () => call((s) => s.cancelRun()),
  preview: (req) =>
    call(async (s) => {
      const page = await s.preview(req);
      return transferred(page, page.arrow);
    }),
  focus: (blockId) => call(async (s) => s.focus(blockId)),
  previewShown: (blockId) => call((s) => s.previewShown(blockId)),
  profile: (blockId, port) => call((s) => s.profile(blockId, port)),
  chart: (req) => call((s) => s.chart(req)),
  itemValues: (req) =>
    call(async (s) => {
      const bytes = await s.itemValues(req);
      return transferred(bytes, bytes);
    }),
  download: (blockId, port, format) =>
    call(async (s) => {
      const bytes = await s.download(blockId, port, format);
      return transferred(bytes, bytes);
    }),
  exportFile: (blockId) =>
    call(async (s) => {
      const file = await s.exportFile(blockId);
      return transferred(file, file.bytes);
    }),
  pysparkJob: (flow, source) => call((s) => s.pysparkJob(flow, source)),
};

Comlink.expose(api);
