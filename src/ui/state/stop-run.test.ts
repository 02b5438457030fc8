import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineRestartReason } from '../../worker/engine-api';
import { createStudioStore, type StudioStore } from './create-store';
import { fakeEngine, freshState, type FakeEngine } from './fake-engine';

/** ratings → slow → after, and tracks on a branch of its own. */
function flow(store: StudioStore): void {
  store.internals.hydrate({
    format: 'wrangle-flow',
    version: 1,
    name: 'stop',
    blocks: [
      { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv', format: 'csv' } },
      { id: 'slow', kind: 'filter', params: { condition: 'Rating > 1' } },
      { id: 'after', kind: 'filter', params: { condition: 'Rating > 2' } },
      { id: 'tracks', kind: 'import', params: { input: 'tracks', file: 'tracks.csv', format: 'csv' } },
    ],
    edges: [
      { from: { block: 'ratings', port: 'out' }, to: { block: 'slow', port: 'in' } },
      { from: { block: 'slow', port: 'out' }, to: { block: 'after', port: 'in' } },
    ],
  } as never);
}

const status = (store: StudioStore, id: string) => store.getState().runtime[id]?.status;

describe('Stop', () => {
  let engine: FakeEngine;
  let store: StudioStore;
  let restarts: EngineRestartReason[];

  beforeEach(async () => {
    vi.useFakeTimers();
    engine = fakeEngine();
    restarts = [];
    engine.onRestart((reason) => restarts.push(reason));
    store = createStudioStore({ debounceMs: 50 });
    store.internals.attachEngine(engine);
    flow(store);
    await vi.advanceTimersByTimeAsync(50);
    // The first run has computed the imports and is stuck in `slow`.
    const run = engine.runs[0]!;
    run.onBlock?.(freshState('ratings'));
    run.onBlock?.(freshState('tracks'));
  });
  afterEach(() => {
    store.internals.dispose();
    vi.useRealTimers();
  });

  it('cancels the run in the engine, marks what had not finished as stopped, and keeps the rest as it is', async () => {
    store.actions.stopRun();
    expect(engine.runCancels).toHaveLength(1);
    expect(status(store, 'slow')).toBe('cancelled');
    expect(status(store, 'after')).toBe('cancelled');
    expect(store.getState().runtime.slow?.error?.code).toBe('E_RUN_STOPPED');
    expect(status(store, 'ratings')).toBe('fresh');
    engine.runCancels[0]!.land();
    // The stopped run's late answer changes nothing.
    engine.runs[0]!.finish([freshState('ratings'), freshState('slow'), freshState('after'), freshState('tracks')]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(status(store, 'slow')).toBe('cancelled');
    expect(status(store, 'ratings')).toBe('fresh');
    expect(restarts).toEqual([]);
    // Nothing to recompute: the engine kept every finished result.
    expect(engine.runs).toHaveLength(1);
    expect(store.getState().notices.at(-1)?.message).toMatch(/^Stopped\. The blocks that had finished keep their previews/);
    expect(store.getState().notices.some((n) => /restart/i.test(n.message))).toBe(false);
  });

  it('restarts the engine when the cancel has not landed within a second, and recomputes only the rest', async () => {
    store.actions.stopRun();
    await vi.advanceTimersByTimeAsync(999);
    expect(restarts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(restarts).toEqual(['cancelled']);
    await vi.advanceTimersByTimeAsync(50);
    expect(status(store, 'slow')).toBe('cancelled');
    expect(status(store, 'after')).toBe('cancelled');
    expect(engine.runs).toHaveLength(2);
    expect(engine.runs[1]!.options?.stopped?.sort()).toEqual(['after', 'slow']);
    expect(store.getState().notices.at(-1)?.message).toMatch(/^Stopped\. The engine restarted/);
  });

  it('restarts the engine when the cancel fails', async () => {
    store.actions.stopRun();
    engine.runCancels[0]!.fail(new Error('no such call'));
    await vi.advanceTimersByTimeAsync(0);
    expect(restarts).toEqual(['cancelled']);
  });

  it('an edit elsewhere keeps the stopped blocks held; editing one of them runs it again', async () => {
    store.actions.stopRun();
    engine.runCancels[0]!.land();
    await vi.advanceTimersByTimeAsync(0);
    store.actions.updateParams('tracks', { input: 'tracks', file: 'tracks.csv', format: 'csv', sampling: { mode: 'first', rows: 5 } });
    await vi.advanceTimersByTimeAsync(50);
    expect(engine.runs.at(-1)!.options?.stopped?.sort()).toEqual(['after', 'slow']);
    store.actions.updateParams('after', { condition: 'Rating > 3' });
    await vi.advanceTimersByTimeAsync(50);
    expect(engine.runs.at(-1)!.options?.stopped).toEqual(['slow']);
    expect(status(store, 'after')).toBe('running');
  });

  it('"Run again" on a block also runs the stopped blocks above it', async () => {
    store.actions.stopRun();
    engine.runCancels[0]!.land();
    await vi.advanceTimersByTimeAsync(0);
    store.actions.runAgain('after');
    await vi.advanceTimersByTimeAsync(50);
    expect(engine.runs.at(-1)!.options?.stopped).toEqual([]);
    expect(status(store, 'slow')).toBe('running');
    expect(status(store, 'after')).toBe('running');
  });

  it('does nothing when nothing is computing', async () => {
    engine.runs[0]!.finish([freshState('ratings'), freshState('slow'), freshState('after'), freshState('tracks')]);
    await vi.advanceTimersByTimeAsync(0);
    store.actions.stopRun();
    expect(engine.runCancels).toEqual([]);
    expect(restarts).toEqual([]);
    expect(status(store, 'slow')).toBe('fresh');
  });
});
