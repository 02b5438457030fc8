/**
 * The studio store: one immutable state object, replaced on every change, and the actions that change it. It holds
 * no React; `studio-store.ts` makes one instance and the hook that reads it.
 */
import type { FlowDocument } from '../../engine/flow/schema';
import type { EngineClient } from '../../worker/engine-api';
import { createActions } from './actions';
import { emptyFlow, setBlockFitted } from './doc-edits';
import { recordEdit, redo, replacePresent, startHistory, undo } from './history';
import { missingInputs } from './missing-inputs';
import { affectedBlocks, type Runtime } from './run-state';
import { RunLoop, RUN_DEBOUNCE_MS } from './run-loop';
import type { Notice, NoticeKind, SaveStatus, StudioActions, StudioState } from './store-types';
import type { LiveTrainings } from './training-state';

/** At most this many notices are kept; older ones give way. */
const NOTICE_LIMIT = 6;

export interface CommitOptions {
  /** An edit the user can undo (default), or computed state such as fitted labels. */
  undoable?: boolean;
  /** False for state the engine itself just computed: running again would only repeat it. */
  rerun?: boolean;
}

/** What the shell and the run loop use beyond the public actions. */
export interface StudioInternals {
  /** Starts from this document with empty history: first launch and recovery, which are not edits. */
  hydrate(doc: FlowDocument): void;
  /** Connects the engine: from now on every edit re-runs the flow. */
  attachEngine(engine: EngineClient): void;
  /** Runs the whole flow (after start-up, once its files are registered). */
  runAll(): void;
  engine(): EngineClient | undefined;
  setSaveStatus(status: SaveStatus): void;
  /** Marks these inputs as reading the bundled sample files before the files arrive, so an autosave made while they
   * download remembers them. Registering a user's own file for one, or opening another flow, clears its mark. */
  expectSampleInputs(inputNames: Iterable<string>): void;
  /** Registers a bundled sample file; unlike a user's file, it can be fetched again after a reload. */
  registerSampleFile(inputName: string, file: File): Promise<void>;
  /** Inputs whose registered file is the bundled sample's. */
  sampleInputs(): string[];
  notify(kind: NoticeKind, message: string, action?: Notice['action']): number;
  updateNotice(id: number, kind: NoticeKind, message: string): void;
  /** The newest run id (the latest started or waiting), for tests and the e2e hooks. */
  latestRunId(): number;
  dispose(): void;
}

export interface StudioStore {
  getState(): StudioState;
  subscribe(listener: () => void): () => void;
  actions: StudioActions;
  internals: StudioInternals;
}

/** The core that the actions build on: the history, the current state and the engine, if any. */
export interface StoreCore {
  state(): StudioState;
  publish(patch: Partial<StudioState>): void;
  commit(next: FlowDocument, options?: CommitOptions): void;
  stepHistory(direction: 'undo' | 'redo'): void;
  engine(): EngineClient | undefined;
  /** The engine once it is attached: a file chosen while the studio starts waits for it rather than failing. */
  attachedEngine(): Promise<EngineClient>;
  /** The run loop, once an engine is attached: training cancels and re-runs go through it. */
  runLoop(): RunLoop | undefined;
  notify(kind: NoticeKind, message: string, action?: Notice['action']): number;
  /** A file is now registered for this input, under this file name: the blocks reading it run again. */
  fileRegistered(inputName: string, fileName: string): void;
  /** Unregisters the bundled sample file of each of these inputs that has one; a user's own files stay. */
  forgetSampleInputs(inputNames: readonly string[]): void;
}

export function createStudioStore(options: { debounceMs?: number } = {}): StudioStore {
  const initial = emptyFlow();
  let history = startHistory(initial);
  let engine: EngineClient | undefined;
  let attached!: (client: EngineClient) => void;
  const attachedEngine = new Promise<EngineClient>((resolve) => (attached = resolve));
  let runLoop: RunLoop | undefined;
  let noticeId = 0;
  const listeners = new Set<() => void>();
  const sampleInputs = new Set<string>();
  /** Inputs whose bundled sample file is being registered now: that registration keeps their sample mark. */
  const registeringSamples = new Set<string>();
  /** The file name each input was registered under; an input the flow now expects by another name is missing. */
  const registeredFiles = new Map<string, string>();
  let state: StudioState = {
    doc: initial,
    selection: [],
    runtime: {},
    training: {},
    registeredInputs: [],
    missingInputs: [],
    notices: [],
    saveStatus: 'saved',
    canUndo: false,
    canRedo: false,
  };

  function publish(patch: Partial<StudioState>): void {
    const next = { ...state, ...patch };
    if (patch.doc || patch.registeredInputs) next.missingInputs = missingInputs(next.doc, registeredFiles);
    if (patch.doc) {
      // Removed blocks leave the selection and the runtime (which the e2e hooks and the canvas read) at once.
      const ids = new Set(next.doc.blocks.map((b) => b.id));
      if (next.selection.some((id) => !ids.has(id))) next.selection = next.selection.filter((id) => ids.has(id));
      if (Object.keys(next.runtime).some((id) => !ids.has(id))) {
        next.runtime = Object.fromEntries(Object.entries(next.runtime).filter(([id]) => ids.has(id)));
      }
    }
    next.canUndo = history.past.length > 0;
    next.canRedo = history.future.length > 0;
    state = next;
    for (const l of [...listeners]) l();
  }

  /** Re-runs what changed; `leading` for the user's own edits, which start a run at once when nothing else is under way. */
  function rerun(prev: FlowDocument, next: FlowDocument, { changedInputs = [], leading = false }: { changedInputs?: readonly string[]; leading?: boolean } = {}): void {
    const affected = affectedBlocks(prev, next, changedInputs);
    if (affected.size > 0) runLoop?.schedule(affected, { leading });
  }

  const core: StoreCore = {
    state: () => state,
    publish,
    engine: () => engine,
    attachedEngine: () => attachedEngine,
    runLoop: () => runLoop,
    commit(next, { undoable = true, rerun: run = true } = {}) {
      const prev = history.present;
      if (next === prev) return;
      history = undoable ? recordEdit(history, next) : replacePresent(history, next);
      publish({ doc: next });
      if (run) rerun(prev, next, { leading: true });
    },
    stepHistory(direction) {
      const prev = history.present;
      history = direction === 'undo' ? undo(history) : redo(history);
      if (history.present === prev) return;
      publish({ doc: history.present });
      rerun(prev, history.present, { leading: true });
    },
    notify(kind, message, action) {
      const notice: Notice = { id: ++noticeId, kind, message, ...(action ? { action } : {}) };
      publish({ notices: [...state.notices, notice].slice(-NOTICE_LIMIT) });
      return notice.id;
    },
    fileRegistered(inputName, fileName) {
      registeredFiles.set(inputName, fileName);
      if (!registeringSamples.has(inputName)) sampleInputs.delete(inputName);
      publish({ registeredInputs: engine?.registeredInputs() ?? [...registeredFiles.keys()] });
      rerun(history.present, history.present, { changedInputs: [inputName] });
    },
    forgetSampleInputs(inputNames) {
      const dropped = inputNames.filter((name) => sampleInputs.has(name));
      if (dropped.length === 0) return;
      for (const name of dropped) {
        sampleInputs.delete(name);
        registeredFiles.delete(name);
        // A failed call means the worker went away, and the rebuilt one is not given the file again.
        engine?.unregisterFile(name).catch(() => undefined);
      }
      publish({ registeredInputs: engine?.registeredInputs() ?? [...registeredFiles.keys()] });
    },
  };

  const storeFitted = (blockId: string, fitted: unknown, runDoc: FlowDocument): void => {
    const now = history.present.blocks.find((b) => b.id === blockId);
    const then = runDoc.blocks.find((b) => b.id === blockId);
    // Only if the block still has the settings it was fitted under, and nothing fitted it since.
    if (!now || !then || now.params !== then.params || now.fitted !== undefined) return;
    const next = setBlockFitted(history.present, blockId, fitted);
    if (next) core.commit(next, { undoable: false, rerun: false });
  };

  const internals: StudioInternals = {
    hydrate(doc) {
      const prev = history.present;
      history = startHistory(doc);
      publish({ doc, selection: [] });
      rerun(prev, doc);
    },
    attachEngine(client) {
      runLoop?.dispose();
      engine = client;
      runLoop = new RunLoop(
        client,
        {
          getDoc: () => history.present,
          getRuntime: () => state.runtime,
          setRuntime: (runtime: Runtime) => publish({ runtime }),
          getTraining: () => state.training,
          setTraining: (training: LiveTrainings) => publish({ training }),
          storeFitted,
          notify: (kind, message) => core.notify(kind, message),
          updateNotice: (id, kind, message) => internals.updateNotice(id, kind, message),
        },
        options.debounceMs ?? RUN_DEBOUNCE_MS,
      );
      publish({ registeredInputs: client.registeredInputs() });
      attached(client);
    },
    runAll() {
      runLoop?.schedule(history.present.blocks.map((b) => b.id));
    },
    engine: () => engine,
    setSaveStatus: (saveStatus) => {
      if (saveStatus !== state.saveStatus) publish({ saveStatus });
    },
    expectSampleInputs(inputNames) {
      for (const name of inputNames) sampleInputs.add(name);
    },
    async registerSampleFile(inputName, file) {
      registeringSamples.add(inputName);
      try {
        await actions.registerInputFile(inputName, file);
      } finally {
        registeringSamples.delete(inputName);
      }
      if (state.registeredInputs.includes(inputName)) sampleInputs.add(inputName);
    },
    sampleInputs: () => [...sampleInputs],
    notify: (kind, message, action) => core.notify(kind, message, action),
    updateNotice(id, kind, message) {
      if (!state.notices.some((n) => n.id === id)) return;
      publish({ notices: state.notices.map((n) => (n.id === id ? { ...n, kind, message } : n)) });
    },
    latestRunId: () => runLoop?.latest ?? 0,
    dispose: () => runLoop?.dispose(),
  };

  const actions = createActions(core);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    actions,
    internals,
  };
}
