import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BlockState } from '../../worker/engine-api';
import { createStudioStore, type StudioStore } from './create-store';
import { fakeEngine, freshState, type FakeEngine } from './fake-engine';

const cancelled = (blockId: string): BlockState => ({
  blockId,
  status: 'cancelled',
  outputs: {},
  error: { code: 'E_TRAINING_CANCELLED', message: 'cancelled', blockId },
});

/** ratings → als → predict, and an unrelated filter on the ratings. */
function trainingFlow(store: StudioStore): void {
  store.internals.hydrate({
    format: 'wrangle-flow',
    version: 1,
    name: 'training',
    blocks: [
      { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv', format: 'csv' } },
      { id: 'als', kind: 'train-als', params: { userColumn: 'userId', itemColumn: 'trackId', ratingColumn: 'Rating', maxIter: 200 } },
      { id: 'keep', kind: 'filter', params: { condition: 'Rating > 1' } },
    ],
    edges: [
      { from: { block: 'ratings', port: 'out' }, to: { block: 'als', port: 'ratings' } },
      { from: { block: 'ratings', port: 'out' }, to: { block: 'keep', port: 'in' } },
    ],
  } as never);
}

describe('training in the run loop', () => {
  let engine: FakeEngine;
  let store: StudioStore;

  beforeEach(async () => {
    vi.useFakeTimers();
    engine = fakeEngine();
    store = createStudioStore({ debounceMs: 50 });
    store.internals.attachEngine(engine);
    trainingFlow(store);
    await vi.advanceTimersByTimeAsync(50);
  });
  afterEach(() => {
    store.internals.dispose();
    vi.useRealTimers();
  });

  /** The first run trains `als`, the user cancels, and the engine reports it cancelled. */
  async function cancelFirstTraining(): Promise<void> {
    const run = engine.runs[0]!;
    run.onTraining?.({ type: 'start', blockId: 'als', backend: 'wasm SIMD × 2 workers' });
    run.onTraining?.({ type: 'iteration', blockId: 'als', progress: { iteration: 1, maxIter: 200, loss: 2, seconds: 0.1, backend: 'wasm SIMD × 2 workers' } });
    expect(store.getState().training.als).toMatchObject({ backend: 'wasm SIMD × 2 workers', points: [{ iteration: 1, loss: 2 }] });
    store.actions.cancelTraining('als');
    expect(engine.cancels).toEqual(['als']);
    expect(store.getState().training.als?.cancelling).toBe(true);
    run.onBlock?.(cancelled('als'));
    run.finish([freshState('ratings'), cancelled('als'), freshState('keep')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().runtime.als?.status).toBe('cancelled');
  }

  it('streams the progress of the latest run only', () => {
    const run = engine.runs[0]!;
    store.actions.updateParams('keep', { condition: 'Rating > 2' });
    run.onTraining?.({ type: 'start', blockId: 'als', backend: 'old run' });
    expect(store.getState().training.als).toBeUndefined();
  });

  it('does not train a cancelled block again when something else is edited', async () => {
    await cancelFirstTraining();
    store.actions.updateParams('keep', { condition: 'Rating > 2' });
    await vi.advanceTimersByTimeAsync(50);
    expect(engine.runs[1]!.options?.holdTraining).toEqual(['als']);
    expect(store.getState().runtime.als?.status).toBe('cancelled');
    // The partial curve stays for the Training tab.
    expect(store.getState().training.als?.points).toHaveLength(1);
  });

  it('trains it again when the block itself is edited', async () => {
    await cancelFirstTraining();
    const als = store.getState().doc.blocks.find((b) => b.id === 'als')!;
    store.actions.updateParams('als', { ...(als.params as object), maxIter: 20 });
    // The edit ends a quiet spell, so it runs at once.
    expect(store.getState().runtime.als?.status).toBe('running');
    expect(engine.runs[1]!.options?.holdTraining).toEqual([]);
  });

  it('trains it again on "Train again"', async () => {
    await cancelFirstTraining();
    store.actions.runAgain('als');
    expect(store.getState().runtime.als?.status).toBe('stale');
    await vi.advanceTimersByTimeAsync(50);
    expect(engine.runs[1]!.options?.holdTraining).toEqual([]);
    // Training again is not an edit of the flow.
    expect(store.getState().canUndo).toBe(false);
  });

  it('holds a cancel back from a newer run that overtakes the one it was meant for', async () => {
    store.actions.cancelTraining('als');
    store.actions.updateParams('keep', { condition: 'Rating > 3' });
    await vi.advanceTimersByTimeAsync(50);
    expect(engine.runs[1]!.options?.holdTraining).toEqual(['als']);
  });

  it('keeps a cancelled block cancelled across an engine restart', async () => {
    await cancelFirstTraining();
    engine.emitRestart('crashed');
    expect(store.getState().runtime.als?.status).toBe('cancelled');
    expect(store.getState().runtime.keep?.status).toBe('stale');
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.runs[1]!.options?.holdTraining).toEqual(['als']);
  });
});
