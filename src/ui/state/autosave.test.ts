import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFlow } from '../../engine/flow/parse';
import { startAutosave } from './autosave';
import { createStudioStore, type StudioStore } from './create-store';
import { fakeEngine } from './fake-engine';
import { memoryFlowStorage as memoryStorage } from './memory-flow-storage';

describe('autosave', () => {
  let store: StudioStore;
  let statuses: string[];
  const download = vi.fn();

  beforeEach(() => {
    vi.useFakeTimers();
    store = createStudioStore();
    statuses = [store.getState().saveStatus];
    store.subscribe(() => {
      if (statuses.at(-1) !== store.getState().saveStatus) statuses.push(store.getState().saveStatus);
    });
  });
  afterEach(() => vi.useRealTimers());

  it('saves within a second of the last edit, as a flow file that reads back', async () => {
    const storage = memoryStorage();
    startAutosave(store, storage, download);
    store.actions.addBlock('filter');
    store.actions.rename('Kept');
    expect(store.getState().saveStatus).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.saved).toHaveLength(1);
    expect(parseFlow(storage.saved[0]!.flow)).toEqual(store.getState().doc);
    expect(statuses).toEqual(['saved', 'unsaved', 'saving', 'saved']);
  });

  it('saves at least every second while edits keep coming', async () => {
    const storage = memoryStorage();
    startAutosave(store, storage, download);
    store.actions.addBlock('filter', { x: 0, y: 0 });
    for (let i = 1; i <= 15; i++) {
      await vi.advanceTimersByTimeAsync(200);
      store.actions.moveBlocks({ filter_1: { x: i, y: 0 } });
    }
    expect(storage.saved.length).toBeGreaterThanOrEqual(2);
  });

  it('never says saved when the browser refused, and offers a download once', async () => {
    const storage = memoryStorage();
    storage.failWith = new Error('QuotaExceededError');
    startAutosave(store, storage, download);
    store.actions.addBlock('filter');
    await vi.advanceTimersByTimeAsync(1000);
    store.actions.addBlock('filter');
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.slice(1)).not.toContain('saved');
    expect(store.getState().saveStatus).toBe('failed');
    const offers = store.getState().notices.filter((n) => n.action?.label === 'Download flow');
    expect(offers).toHaveLength(1);
    offers[0]!.action!.run();
    expect(download).toHaveBeenCalledOnce();
  });

  it('saves the newest document when an edit lands during a write', async () => {
    const storage = memoryStorage();
    let release = (): void => undefined;
    storage.gate = new Promise((resolve) => (release = resolve));
    startAutosave(store, storage, download);
    store.actions.addBlock('filter');
    await vi.advanceTimersByTimeAsync(500);
    store.actions.rename('Later');
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().saveStatus).not.toBe('saved');
    await vi.advanceTimersByTimeAsync(1000);
    expect(parseFlow(storage.saved.at(-1)!.flow).name).toBe('Later');
    expect(store.getState().saveStatus).toBe('saved');
  });

  it('saves an edit made before the bundled files are registered, remembering them; registering them is no edit', async () => {
    const storage = memoryStorage();
    store.internals.hydrate(parseFlow({
      format: 'wrangle-flow',
      version: 1,
      name: 'Sample',
      blocks: [{ id: 'tracks', kind: 'import', params: { input: 'tracks', file: 'tracks.csv', format: 'csv' } }],
      edges: [],
    }));
    store.internals.expectSampleInputs(['tracks']);
    startAutosave(store, storage, download);
    store.actions.rename('Edited while the engine starts');
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.saved.map((r) => [parseFlow(r.flow).name, r.sampleInputs])).toEqual([['Edited while the engine starts', ['tracks']]]);
    store.internals.attachEngine(fakeEngine());
    await store.internals.registerSampleFile('tracks', new File(['trackId\n1\n'], 'tracks.csv'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.saved).toHaveLength(1);
    expect(store.internals.sampleInputs()).toEqual(['tracks']);
    store.internals.dispose();
  });
});
