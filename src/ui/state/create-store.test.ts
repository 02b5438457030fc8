import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import { createStudioStore, type StudioStore } from './create-store';
import { fakeEngine, freshState, type FakeEngine } from './fake-engine';
import { HISTORY_LIMIT } from './history';

function editSteps(store: StudioStore): FlowDocument[] {
  const { actions, getState } = store;
  const docs = [getState().doc];
  const step = (f: () => void): void => {
    f();
    docs.push(getState().doc);
  };
  step(() => actions.addBlock('import', { x: 0, y: 0 }));
  step(() => actions.addBlock('filter', { x: 200, y: 0 }));
  step(() => actions.connect({ block: 'import_1', port: 'out' }, { block: 'filter_1', port: 'in' }));
  step(() => actions.updateParams('filter_1', { condition: 'a > 1' }));
  step(() => actions.moveBlocks({ filter_1: { x: 300, y: 50 } }));
  step(() => actions.setLabel('filter_1', 'Big ones'));
  step(() => actions.rename('My flow'));
  step(() => actions.removeBlocks(['import_1']));
  return docs;
}

describe('undo and redo', () => {
  it('return exactly the earlier documents, step by step', () => {
    const store = createStudioStore();
    const docs = editSteps(store);
    const copies = docs.map((d) => structuredClone(d));
    expect(new Set(docs).size).toBe(docs.length);
    for (let i = docs.length - 2; i >= 0; i--) {
      store.actions.undo();
      expect(store.getState().doc).toBe(docs[i]);
      expect(store.getState().doc).toEqual(copies[i]);
    }
    expect(store.getState().canUndo).toBe(false);
    for (let i = 1; i < docs.length; i++) {
      store.actions.redo();
      expect(store.getState().doc).toEqual(copies[i]);
    }
    expect(store.getState().canRedo).toBe(false);
  });

  it('forgets the redo steps after a new edit, and keeps at most the history limit', () => {
    const store = createStudioStore();
    editSteps(store);
    store.actions.undo();
    store.actions.addBlock('sample');
    expect(store.getState().canRedo).toBe(false);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store.actions.moveBlocks({ sample_1: { x: i, y: i } });
    let undone = 0;
    while (store.getState().canUndo) {
      store.actions.undo();
      undone++;
    }
    expect(undone).toBe(HISTORY_LIMIT);
  });

  it('records no step for an edit that changes nothing', () => {
    const store = createStudioStore();
    store.actions.addBlock('filter', { x: 0, y: 0 });
    const doc = store.getState().doc;
    store.actions.moveBlocks({ filter_1: { x: 0, y: 0 } });
    store.actions.updateParams('filter_1', { condition: 'true' });
    expect(store.getState().doc).toBe(doc);
  });
});

describe('load', () => {
  it('refuses a document that is not a valid flow and keeps the current one', () => {
    const store = createStudioStore();
    store.actions.addBlock('filter');
    const doc = store.getState().doc;
    store.actions.load({ ...doc, blocks: [{ id: 'x', kind: 'filter', params: { condition: '' } }] } as FlowDocument);
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().notices.at(-1)?.message).toMatch(/Invalid flow at \$\.blocks\[0\]\.params\.condition/);
  });

  it('is one undo step', () => {
    const store = createStudioStore();
    store.actions.addBlock('filter');
    const before = store.getState().doc;
    store.actions.newFlow();
    expect(store.getState().doc.blocks).toEqual([]);
    store.actions.undo();
    expect(store.getState().doc).toBe(before);
  });
});

describe('the run loop in the store', () => {
  let engine: FakeEngine;
  let store: StudioStore;

  beforeEach(() => {
    vi.useFakeTimers();
    engine = fakeEngine();
    store = createStudioStore({ debounceMs: 150 });
    store.internals.attachEngine(engine);
  });
  afterEach(() => {
    store.internals.dispose();
    vi.useRealTimers();
  });

  it('runs an edit after a quiet spell at once, and the edits that follow it once, when they pause', async () => {
    store.actions.addBlock('import', { x: 0, y: 0 });
    expect(engine.runs).toHaveLength(1);
    expect(store.getState().runtime.import_1?.status).toBe('running');
    await vi.advanceTimersByTimeAsync(100);
    store.actions.addBlock('filter', { x: 200, y: 0 });
    expect(store.getState().runtime.filter_1?.status).toBe('stale');
    await vi.advanceTimersByTimeAsync(100);
    store.actions.updateParams('filter_1', { condition: 'a > 1' });
    await vi.advanceTimersByTimeAsync(100);
    expect(engine.runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60);
    expect(engine.runs).toHaveLength(2);
    expect(engine.runs[1]!.doc).toBe(store.getState().doc);
    expect(store.getState().runtime.filter_1?.status).toBe('running');
    engine.runs[1]!.finish([freshState('import_1'), freshState('filter_1')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().runtime.filter_1?.status).toBe('fresh');
    // A pause as long as the debounce ends the burst: the next edit runs at once again.
    await vi.advanceTimersByTimeAsync(150);
    store.actions.updateParams('filter_1', { condition: 'a > 2' });
    expect(engine.runs).toHaveLength(3);
  });

  it('ignores the states of a run that a newer edit replaced', async () => {
    store.actions.addBlock('import', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(150);
    const first = engine.runs[0]!;
    store.actions.updateParams('import_1', { input: 'other', file: 'other.csv' });
    const second = engine.runs[1]!;
    expect(second.runId).toBeGreaterThan(first.runId);
    // The old run reports after the edit: its result is for the old settings.
    first.onBlock?.(freshState('import_1', { rows: 1 }));
    first.finish([freshState('import_1', { rows: 1 })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().runtime.import_1?.status).toBe('running');
    second.finish([freshState('import_1', { rows: 2 })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().runtime.import_1).toMatchObject({ status: 'fresh', rows: 2 });
  });

  it('publishes a cached result only for a block that does not show it yet', async () => {
    store.actions.addBlock('import', { x: 0, y: 0 });
    engine.runs[0]!.finish([freshState('import_1')]);
    await vi.advanceTimersByTimeAsync(150);
    store.actions.addBlock('filter', { x: 200, y: 0 });
    const run = engine.runs[1]!;
    const shown = store.getState().runtime;
    // The import is fresh on screen already: its cached result changes nothing there.
    run.onBlock?.(freshState('import_1', { cached: true, seconds: 0.001 }));
    expect(store.getState().runtime).toBe(shown);
    run.onBlock?.(freshState('filter_1'));
    expect(store.getState().runtime.filter_1?.status).toBe('fresh');
    run.finish([freshState('import_1', { cached: true }), freshState('filter_1')]);
    await vi.advanceTimersByTimeAsync(150);
    store.actions.updateParams('import_1', { input: 'other', file: 'other.csv' });
    engine.runs[2]!.finish([freshState('import_1'), freshState('filter_1')]);
    await vi.advanceTimersByTimeAsync(150);
    // After an undo the engine answers from its cache, and the block, running meanwhile, is fresh again at once.
    store.actions.undo();
    expect(store.getState().runtime.import_1?.status).toBe('running');
    engine.runs[3]!.onBlock?.(freshState('import_1', { cached: true }));
    expect(store.getState().runtime.import_1).toMatchObject({ status: 'fresh', cached: true });
  });

  it('stores fitted state in the document without an undo step', async () => {
    store.internals.hydrate({
      format: 'wrangle-flow',
      version: 1,
      name: 'f',
      blocks: [{ id: 'o', kind: 'one-hot', params: { column: 'g', outputStyle: 'columns', unknown: 'ignore', maxLabels: 100 } }],
      edges: [],
    });
    store.internals.runAll();
    await vi.advanceTimersByTimeAsync(150);
    const run = engine.runs[0]!;
    run.onBlock?.(freshState('o', { fitted: { labels: ['b', 'a'] } }));
    run.finish([freshState('o', { fitted: { labels: ['b', 'a'] } })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().doc.blocks[0]?.fitted).toEqual({ labels: ['b', 'a'] });
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().runtime.o).not.toHaveProperty('fitted');
    // Storing it is not an edit: no new run starts.
    await vi.advanceTimersByTimeAsync(500);
    expect(engine.runs).toHaveLength(1);
  });

  it('on an engine restart, says so, marks previews stale and re-runs the flow', async () => {
    store.actions.addBlock('import', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(150);
    engine.runs[0]!.finish([freshState('import_1')]);
    await vi.advanceTimersByTimeAsync(0);
    engine.emitRestart('crashed');
    expect(store.getState().runtime.import_1?.status).toBe('stale');
    expect(store.getState().notices.at(-1)?.message).toBe('The engine restarted (crashed) — recomputing previews; your flow is intact.');
    await vi.advanceTimersByTimeAsync(0);
    engine.runs[1]!.finish([freshState('import_1')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().runtime.import_1?.status).toBe('fresh');
    expect(store.getState().notices.at(-1)?.message).toBe('The engine restarted (crashed) — previews were recomputed; your flow is intact.');
  });

  it('shows no error for a run that a restart cut short, only the restart notice', async () => {
    store.actions.addBlock('import', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(150);
    engine.runs[0]!.fail(Object.assign(new Error('The engine restarted (test-hook) before it answered.'), { code: 'E_ENGINE_RESTARTED' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().runtime.import_1?.status).toBe('stale');
    engine.emitRestart('test-hook');
    expect(store.getState().notices.map((n) => n.message)).toEqual(['The engine restarted (on request) — recomputing previews; your flow is intact.']);
  });

  it('says why when a run fails for another reason', async () => {
    store.actions.addBlock('import', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(150);
    engine.runs[0]!.fail(new Error('out of memory'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().notices.at(-1)).toMatchObject({ kind: 'error', message: 'The flow could not run: out of memory' });
  });

  it('a file chosen while the engine is still starting is registered once it is attached', async () => {
    const starting = createStudioStore({ debounceMs: 50 });
    starting.actions.addBlock('import', { x: 0, y: 0 }, { input: 'ratings', file: 'ratings.csv' });
    const registering = starting.actions.registerInputFile('ratings', new File(['a\n1\n'], 'early.csv'));
    const late = fakeEngine();
    starting.internals.attachEngine(late);
    await registering;
    expect(late.files.get('ratings')?.fileName).toBe('ratings.csv');
    expect(starting.getState().notices).toEqual([]);
    expect(starting.getState().missingInputs).toEqual([]);
    starting.internals.dispose();
  });

  it('registers a file under the name the flow expects and re-runs its import', async () => {
    store.actions.addBlock('import', { x: 0, y: 0 }, { input: 'ratings', file: 'ratings.csv' });
    expect(store.getState().missingInputs).toEqual([{ name: 'ratings', file: 'ratings.csv' }]);
    await vi.advanceTimersByTimeAsync(150);
    await store.actions.registerInputFile('ratings', new File(['a\n1\n'], 'my ratings.csv'));
    expect(engine.files.get('ratings')?.fileName).toBe('ratings.csv');
    expect(store.getState().missingInputs).toEqual([]);
    expect(store.getState().runtime.import_1?.status).toBe('stale');
    await vi.advanceTimersByTimeAsync(150);
    expect(engine.runs).toHaveLength(2);
    // The import now expects another file: the one registered for the old name is not taken for it.
    store.actions.updateParams('import_1', { input: 'ratings', file: 'ratings-2025.csv' });
    expect(store.getState().missingInputs).toEqual([{ name: 'ratings', file: 'ratings-2025.csv' }]);
  });

  it('opening a flow asks for its own files where the bundled sample files have the same names', async () => {
    const flow = (name: string, inputs: string[]): FlowDocument => ({
      format: 'wrangle-flow',
      version: 1,
      name,
      blocks: inputs.map((input) => ({ id: input, kind: 'import', params: { input, file: `${input}.csv`, format: 'csv' } })),
      edges: [],
    }) as unknown as FlowDocument;
    store.internals.hydrate(flow('sample', ['tracks', 'ratings', 'notes']));
    await store.internals.registerSampleFile('tracks', new File(['trackId\n1\n'], 'tracks.csv'));
    await store.internals.registerSampleFile('ratings', new File(['userId\n1\n'], 'ratings.csv'));
    // A file the user chose is theirs, whichever flow is open.
    await store.actions.registerInputFile('notes', new File(['note\nx\n'], 'notes.csv'));
    store.actions.load(flow('movies', ['movies', 'ratings', 'notes']));
    expect(store.getState().missingInputs).toEqual([
      { name: 'movies', file: 'movies.csv' },
      { name: 'ratings', file: 'ratings.csv' },
    ]);
    expect([...engine.files.keys()].sort()).toEqual(['notes', 'tracks']);
    expect(store.internals.sampleInputs()).toEqual(['tracks']);
  });
});

describe('dropping a connection on a taken input', () => {
  it('replaces the old connection in one undo step, says which, and undo restores the old wire', () => {
    const { actions, getState } = createStudioStore();
    actions.addBlock('import', { x: 0, y: 0 });
    actions.addBlock('import', { x: 0, y: 200 });
    actions.addBlock('filter', { x: 300, y: 0 });
    actions.setLabel('import_1', 'ratings.csv');
    actions.setLabel('import_2', 'movies.csv');
    actions.setLabel('filter_1', 'Good ones');
    expect(actions.connect({ block: 'import_1', port: 'out' }, { block: 'filter_1', port: 'in' })).toEqual({ ok: true });
    const before = getState().doc;
    // Without `replace` (a caller that must not lose a wire) it is still refused.
    expect(actions.connect({ block: 'import_2', port: 'out' }, { block: 'filter_1', port: 'in' })).toMatchObject({ ok: false });

    const result = actions.connect({ block: 'import_2', port: 'out' }, { block: 'filter_1', port: 'in' }, { replace: true });
    expect(result).toEqual({ ok: true, replaced: { from: { block: 'import_1', port: 'out' }, to: { block: 'filter_1', port: 'in' } } });
    expect(getState().doc.edges).toEqual([{ from: { block: 'import_2', port: 'out' }, to: { block: 'filter_1', port: 'in' } }]);
    expect(getState().notices.at(-1)).toMatchObject({
      kind: 'info',
      message: 'Replaced the connection into “Good ones” · in: it read “ratings.csv” · out, now “movies.csv” · out. Undo (Ctrl+Z) puts it back.',
    });

    actions.undo();
    expect(getState().doc).toBe(before);
    expect(getState().doc.edges).toEqual([{ from: { block: 'import_1', port: 'out' }, to: { block: 'filter_1', port: 'in' } }]);
  });
});

describe('selected connections', () => {
  it('keep only connections the document has, and leave the selection when they are removed or undone', () => {
    const { actions, getState } = createStudioStore();
    actions.addBlock('import', { x: 0, y: 0 });
    actions.addBlock('filter', { x: 300, y: 0 });
    const wire = { from: { block: 'import_1', port: 'out' }, to: { block: 'filter_1', port: 'in' } };
    actions.selectEdges([wire]);
    expect(getState().selectedEdges).toEqual([]);
    actions.connect(wire.from, wire.to);
    actions.selectEdges([wire, { ...wire, to: { block: 'filter_1', port: 'nope' } }]);
    expect(getState().selectedEdges).toEqual([wire]);
    actions.undo();
    expect(getState().selectedEdges).toEqual([]);
    actions.redo();
    actions.selectEdges([wire]);
    actions.disconnect(wire.from, wire.to);
    expect(getState().selectedEdges).toEqual([]);
  });
});
