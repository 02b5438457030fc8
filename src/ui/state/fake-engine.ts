/**
 * An EngineClient for the state tests: runs resolve when the test says so, and restarts are triggered by hand. No
 * worker and no DuckDB, so the run loop's ordering rules can be checked exactly.
 */
import type { FlowDocument } from '../../engine/flow/schema';
import type { BlockState, EngineClient, EngineRestartReason, RunFlowOptions, RunFlowResult, TrainingEvent } from '../../worker/engine-api';

export interface PendingRun {
  doc: FlowDocument;
  runId: number;
  onBlock: ((state: BlockState) => void) | undefined;
  onTraining: ((event: TrainingEvent) => void) | undefined;
  options: RunFlowOptions | undefined;
  finish(blocks: BlockState[]): void;
  fail(error: Error): void;
}

export interface FakeEngine extends EngineClient {
  runs: PendingRun[];
  files: Map<string, { fileName: string; source: File | Uint8Array }>;
  /** Blocks whose training a cancel was asked for, in order. */
  cancels: string[];
  /** Each Stop's cancelRun, to settle by hand (or never, so the client falls back to a restart). */
  runCancels: Array<{ land(): void; fail(error: Error): void }>;
  emitRestart(reason: EngineRestartReason): void;
}

const unused = (what: string) => (): Promise<never> => Promise.reject(new Error(`the fake engine has no ${what}`));

export function fakeEngine(): FakeEngine {
  const listeners = new Set<(reason: EngineRestartReason) => void>();
  const runs: PendingRun[] = [];
  const files = new Map<string, { fileName: string; source: File | Uint8Array }>();
  const cancels: string[] = [];
  const runCancels: FakeEngine['runCancels'] = [];
  return {
    runs,
    files,
    cancels,
    runCancels,
    emitRestart: (reason) => listeners.forEach((l) => l(reason)),
    init: () => Promise.resolve({ version: 'fake' }),
    registerFile(inputName, fileName, source) {
      files.set(inputName, { fileName, source });
      return Promise.resolve();
    },
    unregisterFile(inputName) {
      files.delete(inputName);
      return Promise.resolve();
    },
    registeredInputs: () => [...files.keys()],
    runFlow(doc, runId, onBlock, onTraining, options) {
      return new Promise<RunFlowResult>((resolve, reject) => {
        runs.push({ doc, runId, onBlock, onTraining, options, finish: (blocks) => resolve({ runId, blocks }), fail: reject });
      });
    },
    cancelTraining(blockId) {
      cancels.push(blockId);
      return Promise.resolve();
    },
    cancelRun() {
      return new Promise<void>((resolve, reject) => runCancels.push({ land: resolve, fail: reject }));
    },
    restart(reason) {
      listeners.forEach((l) => l(reason));
      return Promise.resolve();
    },
    onRestart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    preview: unused('preview'),
    focus: () => Promise.resolve(),
    previewShown: () => Promise.resolve(),
    profile: unused('profile'),
    chart: unused('chart'),
    itemValues: unused('itemValues'),
    download: unused('download'),
    exportFile: unused('exportFile'),
    pysparkJob: unused('pysparkJob'),
  };
}

/** A fresh result for a block, as the engine reports it. */
export function freshState(blockId: string, extra: Partial<BlockState> = {}): BlockState {
  return { blockId, status: 'fresh', rows: 10, outputs: { out: [{ name: 'a', type: 'BIGINT' }] }, ...extra };
}
