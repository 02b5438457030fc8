/**
 * The studio store: one immutable state object, replaced on every change, and the actions that change it. It holds
 * no React; `studio-store.ts` makes one instance and the hook that reads it. The parts live apart: the document's
 * history and commits (`history.ts`), which file each input reads (`input-registry.ts`), the engine and run loop
 * (`run-wiring.ts`) and the actions (`actions.ts`); this file joins them to the state.
 */
import type { FlowDocument } from '../../engine/flow/schema';
import type { EngineClient } from '../../worker/engine-api';
import { createActions, type StoreCore } from './actions';
import { emptyFlow, sameEdge, setBlockFitted, setBlockParams } from './doc-edits';
import { EditHistory } from './history';
import { InputRegistry } from './input-registry';
import { missingInputs } from './missing-inputs';
import { loadSampleRows } from './preview-sample-setting';
import type { Runtime } from './run-state';
import { RunWiring } from './run-wiring';
import type { Notice, NoticeKind, SaveStatus, StudioActions, StudioState } from './store-types';
import { SettingsSuggester } from './suggest-settings';
import type { LiveTrainings } from './training-state';

/** At most this many notices are kept; older ones give way. */
const NOTICE_LIMIT = 6;

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

export function createStudioStore(options: { debounceMs?: number } = {}): StudioStore {
  const initial = emptyFlow();
  const wiring = new RunWiring(options.debounceMs);
  const inputs = new InputRegistry();
  const history = new EditHistory(initial, ({ prev, next, rerun }) => {
    publish({ doc: next });
    if (rerun) wiring.rerun(prev, next, { leading: true });
  });
  let noticeId = 0;
  const suggester = new SettingsSuggester({
    doc: () => history.present(),
    runtime: () => state.runtime,
    engine: () => wiring.engine(),
    apply(blockId, basis, params) {
      const present = history.present();
      // Only onto the very settings the suggestion was read for: an edit made meanwhile wins.
      const now = present.blocks.find((b) => b.id === blockId)?.params;
      if (now === undefined || JSON.stringify(now) !== JSON.stringify(basis)) return;
      const result = setBlockParams(present, blockId, params);
      if (result.ok) history.commit(result.doc, { undoable: false });
    },
  });
  const listeners = new Set<() => void>();
  let state: StudioState = {
    doc: initial,
    selection: [],
    selectedEdges: [],
    runtime: {},
    training: {},
    registeredInputs: [],
    inputSources: {},
    missingInputs: [],
    notices: [],
    saveStatus: 'saved',
    canUndo: false,
    canRedo: false,
    previewSampleRows: loadSampleRows(),
  };

  function publish(patch: Partial<StudioState>): void {
    const next = { ...state, ...patch };
    if (patch.doc || patch.registeredInputs) next.missingInputs = missingInputs(next.doc, inputs.fileNames());
    if (patch.doc) {
      // Removed blocks leave the selection and the runtime (which the e2e hooks and the canvas read) at once.
      const ids = new Set(next.doc.blocks.map((b) => b.id));
      if (next.selection.some((id) => !ids.has(id))) next.selection = next.selection.filter((id) => ids.has(id));
      // So do connections that are gone (deleted, replaced, undone).
      const kept = next.selectedEdges.filter((e) => next.doc.edges.some((d) => sameEdge(d, e)));
      if (kept.length !== next.selectedEdges.length) next.selectedEdges = kept;
      if (Object.keys(next.runtime).some((id) => !ids.has(id))) {
        next.runtime = Object.fromEntries(Object.entries(next.runtime).filter(([id]) => ids.has(id)));
      }
    }
    next.canUndo = history.canUndo();
    next.canRedo = history.canRedo();
    state = next;
    if (patch.doc || patch.runtime) suggester.check();
    for (const l of [...listeners]) l();
  }

  const publishRegistered = (): void => publish({ registeredInputs: wiring.engine()?.registeredInputs() ?? inputs.inputNames() });

  function notify(kind: NoticeKind, message: string, action?: Notice['action']): number {
    const notice: Notice = { id: ++noticeId, kind, message, ...(action ? { action } : {}) };
    publish({ notices: [...state.notices, notice].slice(-NOTICE_LIMIT) });
    return notice.id;
  }

  function updateNotice(id: number, kind: NoticeKind, message: string): void {
    if (!state.notices.some((n) => n.id === id)) return;
    publish({ notices: state.notices.map((n) => (n.id === id ? { ...n, kind, message } : n)) });
  }

  const core: StoreCore = {
    state: () => state,
    publish,
    commit: (next, commitOptions) => history.commit(next, commitOptions),
    stepHistory: (direction) => history.step(direction),
    engine: () => wiring.engine(),
    attachedEngine: () => wiring.attached,
    runLoop: () => wiring.runLoop(),
    notify,
    blockAdded: (id) => suggester.blockAdded(id),
    fileRegistered(inputName, fileName, sourceName = fileName) {
      inputs.registered(inputName, fileName);
      publish({ inputSources: { ...state.inputSources, [inputName]: sourceName } });
      publishRegistered();
      wiring.rerun(history.present(), history.present(), { changedInputs: [inputName] });
    },
    rerunInputs(inputNames) {
      wiring.rerun(history.present(), history.present(), { changedInputs: inputNames });
    },
    forgetSampleInputs(inputNames) {
      const dropped = inputs.forgetSamples(inputNames);
      if (dropped.length === 0) return;
      // A failed call means the worker went away, and the rebuilt one is not given the file again.
      for (const name of dropped) wiring.engine()?.unregisterFile(name).catch(() => undefined);
      publishRegistered();
    },
  };

  const storeFitted = (blockId: string, fitted: unknown, runDoc: FlowDocument): void => {
    const present = history.present();
    const now = present.blocks.find((b) => b.id === blockId);
    const then = runDoc.blocks.find((b) => b.id === blockId);
    // Only if the block still has the settings it was fitted under, and nothing fitted it since.
    if (!now || !then || now.params !== then.params || now.fitted !== undefined) return;
    const next = setBlockFitted(present, blockId, fitted);
    if (next) history.commit(next, { undoable: false, rerun: false });
  };

  const actions = createActions(core);

  const internals: StudioInternals = {
    hydrate(doc) {
      const prev = history.restart(doc);
      publish({ doc, selection: [] });
      wiring.rerun(prev, doc);
    },
    attachEngine(client) {
      wiring.attach(client, {
        getDoc: () => history.present(),
        getRuntime: () => state.runtime,
        setRuntime: (runtime: Runtime) => publish({ runtime }),
        getTraining: () => state.training,
        setTraining: (training: LiveTrainings) => publish({ training }),
        storeFitted,
        notify: (kind, message) => notify(kind, message),
        updateNotice,
        getSampleRows: () => state.previewSampleRows,
      });
      publish({ registeredInputs: client.registeredInputs() });
    },
    runAll: () => wiring.runAll(history.present()),
    engine: () => wiring.engine(),
    setSaveStatus: (saveStatus) => {
      if (saveStatus !== state.saveStatus) publish({ saveStatus });
    },
    expectSampleInputs: (inputNames) => inputs.expectSamples(inputNames),
    registerSampleFile: (inputName, file) => inputs.registerSample(inputName, () => actions.registerInputFile(inputName, file)),
    sampleInputs: () => inputs.sampleInputs(),
    notify,
    updateNotice,
    latestRunId: () => wiring.latestRunId(),
    dispose: () => wiring.dispose(),
  };

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
