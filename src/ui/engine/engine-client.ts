/**
 * The studio's handle on the engine worker. The worker is disposable: on a crash, a Stop that the engine could not
 * cancel in time, or a test hook it is
 * terminated and rebuilt, the files are registered again and the last flow re-runs, and listeners hear why. Calls
 * in flight when that happens reject; calls made meanwhile wait for the new worker.
 */
import * as Comlink from 'comlink';
import type { FlowDocument } from '../../engine/flow/schema';
import type { BlockState, EngineApi, EngineClient, EngineRestartReason, RunFlowOptions } from '../../worker/engine-api';
import { asEngineError, clientError, isCrash, type EngineError } from './engine-error';
import { PreviewPrefetch } from './preview-prefetch';

/** What the client needs of a worker; tests pass a MessageChannel port. */
export type EngineWorker = Comlink.Endpoint & { terminate(): void };

const moduleWorker = (): EngineWorker => new Worker(new URL('../../worker/engine-worker.ts', import.meta.url), { type: 'module' });

/** After more crashes than this within a minute the engine is not rebuilt again: something is broken for good. */
const MAX_CRASHES_PER_MINUTE = 5;

class WorkerEngineClient implements EngineClient {
  private worker!: EngineWorker;
  private api!: Comlink.Remote<EngineApi>;
  private readonly files = new Map<string, { fileName: string; source: File | Uint8Array }>();
  private lastRun: { flow: FlowDocument; runId: number; options: RunFlowOptions | undefined } | undefined;
  private readonly listeners = new Set<(reason: EngineRestartReason) => void>();
  /** Rejects each call in flight, when its worker is terminated. */
  private readonly inFlight = new Set<(e: Error) => void>();
  private restarting: Promise<void> | undefined;
  private crashes: number[] = [];
  /** Set when the engine crashed too often to be rebuilt automatically; calls then fail at once. */
  private brokenFor: EngineError | undefined;
  private readonly prefetch = new PreviewPrefetch();

  constructor(private readonly makeWorker: () => EngineWorker) {
    this.start();
  }

  init(): Promise<{ version: string }> {
    return this.call((api) => api.init());
  }

  async registerFile(inputName: string, fileName: string, source: File | Uint8Array): Promise<void> {
    await this.call((api) => api.registerFile(inputName, fileName, source));
    this.files.set(inputName, { fileName, source });
  }

  async unregisterFile(inputName: string): Promise<void> {
    // Forgotten here first, so that an engine rebuilt meanwhile does not get the file back.
    this.files.delete(inputName);
    await this.call((api) => api.unregisterFile(inputName));
  }

  registeredInputs(): string[] {
    return [...this.files.keys()];
  }

  runFlow(
    flow: FlowDocument,
    runId: number,
    onBlock?: Parameters<EngineApi['runFlow']>[2],
    onTraining?: Parameters<EngineApi['runFlow']>[3],
    options?: RunFlowOptions,
  ) {
    this.lastRun = { flow, runId, options };
    const onState = onBlock
      ? (state: BlockState) => {
          this.prefetch.stateArrived(state, (req) => this.call((api) => api.preview(req)));
          onBlock(state);
        }
      : undefined;
    return this.call((api) =>
      api.runFlow(flow, runId, onState ? Comlink.proxy(onState) : undefined, onTraining ? Comlink.proxy(onTraining) : undefined, options),
    );
  }

  cancelTraining(blockId: string) {
    return this.call((api) => api.cancelTraining(blockId));
  }

  cancelRun() {
    return this.call((api) => api.cancelRun());
  }

  preview(req: Parameters<EngineApi['preview']>[0]) {
    return this.prefetch.preview(req, (asked) => this.call((api) => api.preview(asked)));
  }

  focus(blockId: string | undefined) {
    this.prefetch.focus(blockId);
    return this.call((api) => api.focus(blockId));
  }

  previewShown(blockId: string) {
    return this.call((api) => api.previewShown(blockId));
  }

  profile(blockId: string, port: string) {
    return this.call((api) => api.profile(blockId, port));
  }

  chart(req: Parameters<EngineApi['chart']>[0]) {
    return this.call((api) => api.chart(req));
  }

  itemValues(req: Parameters<EngineApi['itemValues']>[0]) {
    return this.call((api) => api.itemValues(req));
  }

  download(blockId: string, port: string, format: 'csv' | 'parquet') {
    return this.call((api) => api.download(blockId, port, format));
  }

  exportFile(blockId: string) {
    return this.call((api) => api.exportFile(blockId));
  }

  pysparkJob(flow: FlowDocument, source: string) {
    return this.call((api) => api.pysparkJob(flow, source));
  }

  onRestart(listener: (reason: EngineRestartReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async restart(reason: EngineRestartReason): Promise<void> {
    if (this.restarting) return this.restarting;
    if (reason !== 'crashed') this.brokenFor = undefined;
    this.restarting = this.rebuild(reason).finally(() => {
      this.restarting = undefined;
    });
    await this.restarting;
    for (const listener of this.listeners) listener(reason);
    // A cancelled run is not started again. After a crash the flow re-runs once: if that crashes too, the flow is
    // the likely cause, and running it again would only loop.
    if (this.lastRun && reason !== 'cancelled' && (reason !== 'crashed' || this.crashes.length <= 1)) {
      const { flow, runId, options } = this.lastRun;
      this.call((api) => api.runFlow(flow, runId, undefined, undefined, options)).catch(() => undefined);
    }
  }

  private start(): void {
    const worker = this.makeWorker();
    worker.addEventListener('error', () => {
      if (worker !== this.worker) return;
      this.abandonCalls(clientError('E_ENGINE_CRASHED', {}));
      void this.crashed();
    });
    this.worker = worker;
    this.api = Comlink.wrap<EngineApi>(worker);
  }

  private abandonCalls(error: EngineError): void {
    for (const reject of this.inFlight) reject(error);
    this.inFlight.clear();
  }

  private async rebuild(reason: EngineRestartReason): Promise<void> {
    this.prefetch.clear();
    this.worker.terminate();
    this.abandonCalls(clientError('E_ENGINE_RESTARTED', { reason }));
    this.start();
    await this.invoke((api) => api.init());
    for (const [inputName, { fileName, source }] of this.files) await this.invoke((api) => api.registerFile(inputName, fileName, source));
  }

  private async crashed(): Promise<void> {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < 60_000), now];
    if (this.crashes.length > MAX_CRASHES_PER_MINUTE) {
      this.brokenFor = clientError('E_ENGINE_BROKEN', {});
      return;
    }
    // A crash during a rebuild fails that rebuild; the engine is then rebuilt again.
    await this.restarting?.catch(() => undefined);
    await this.restart('crashed').catch(() => undefined);
  }

  /** A call to the current worker, once any restart has finished. */
  private async call<T>(task: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    if (this.restarting) await this.restarting.catch(() => undefined);
    if (this.brokenFor) throw this.brokenFor;
    return this.invoke(task);
  }

  /** A call that rejects when its worker is terminated, and that rebuilds the engine when the wasm broke. */
  private invoke<T>(task: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.inFlight.add(reject);
      task(this.api).then(
        (value) => {
          this.inFlight.delete(reject);
          resolve(value);
        },
        (e: unknown) => {
          this.inFlight.delete(reject);
          const error = asEngineError(e);
          if (isCrash(error)) void this.crashed();
          reject(error);
        },
      );
    });
  }
}

/** The engine client of the studio: a module worker running DuckDB-WASM. */
export function createEngineClient(makeWorker: () => EngineWorker = moduleWorker): EngineClient {
  return new WorkerEngineClient(makeWorker);
}
