import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import type { BlockState, ModelProgress, TrainingEvent } from '../../worker/engine-api';
import { applyTrainingEvent, heldTraining, markCancelling, settleCancelling, trainingForRun, type LiveTrainings } from './training-state';

const progress = (iteration: number, extra: Partial<ModelProgress> = {}): TrainingEvent => ({
  type: 'iteration',
  blockId: 'als',
  progress: { iteration, maxIter: 5, loss: 1 / iteration, seconds: iteration / 10, backend: 'wasm SIMD × 2 workers', ...extra },
});
const start = (fallbackReason?: string): TrainingEvent => ({ type: 'start', blockId: 'als', backend: 'wasm SIMD × 2 workers', ...(fallbackReason ? { fallbackReason } : {}) });
const fold = (events: TrainingEvent[], runId: number, at = 1000, from: LiveTrainings = {}): LiveTrainings =>
  events.reduce((live, e, i) => applyTrainingEvent(live, e, runId, at + i), from);

describe('live training state', () => {
  it('collects one point per iteration, with the backend, the iterations asked for and the start time', () => {
    const live = fold([start(), progress(1, { trainRmse: 0.9 }), progress(2, { trainRmse: 0.8, validationRmse: 0.95 })], 3);
    expect(live.als).toEqual({
      runId: 3,
      startedAt: 1000,
      backend: 'wasm SIMD × 2 workers',
      maxIter: 5,
      trainings: 1,
      points: [
        { iteration: 1, loss: 1, trainRmse: 0.9 },
        { iteration: 2, loss: 0.5, trainRmse: 0.8, validationRmse: 0.95 },
      ],
    });
  });

  it('keeps the fallback reason a training started with', () => {
    expect(fold([start('no adapter')], 1).als?.fallbackReason).toBe('no adapter');
  });

  it('starts a new curve for each training of a tune block, keeping the stage and the run start time', () => {
    const tuning = [start(), progress(1, { stage: 'grid 1/2 · fold 1/2' }), progress(2, { stage: 'grid 1/2 · fold 1/2' }), start(), progress(1, { stage: 'grid 1/2 · fold 2/2' })];
    const live = fold(tuning, 4).als!;
    expect(live.trainings).toBe(2);
    expect(live.stage).toBe('grid 1/2 · fold 2/2');
    expect(live.points.map((p) => p.iteration)).toEqual([1]);
    expect(live.startedAt).toBe(1000);
  });

  it("starts afresh when a newer run's training begins", () => {
    const first = fold([start(), progress(1), progress(2)], 1);
    const second = fold([start(), progress(1)], 2, 5000, first);
    expect(second.als).toMatchObject({ runId: 2, startedAt: 5000, trainings: 1, points: [{ iteration: 1 }] });
  });

  it('marks a cancel until the engine reports the block or the user edits it', () => {
    const live = markCancelling(fold([start(), progress(1)], 1), 'als', 1, 2000);
    expect(live.als).toMatchObject({ cancelling: true, points: [{ iteration: 1 }] });
    expect(settleCancelling(live, ['other'])).toBe(live);
    expect(settleCancelling(live, ['als']).als).not.toHaveProperty('cancelling');
  });
});

const state = (blockId: string, status: BlockState['status']): BlockState => ({ blockId, status, outputs: {} });

describe('trainings held back from a run', () => {
  it('are the cancelled blocks and the cancels the engine has not confirmed', () => {
    const runtime = { a: state('a', 'cancelled'), b: state('b', 'running'), c: state('c', 'fresh') };
    const live = markCancelling({}, 'b', 1, 0);
    expect(heldTraining(runtime, live).sort()).toEqual(['a', 'b']);
    expect(heldTraining(runtime, {})).toEqual(['a']);
  });
});

describe('the live state a run starts from', () => {
  const doc = { blocks: [{ id: 'als' }, { id: 'tune' }, { id: 'cut' }] } as unknown as FlowDocument;
  const live = (cancelling = false) => ({ runId: 1, startedAt: 0, points: [{ iteration: 1, loss: 1 }], trainings: 1, ...(cancelling ? { cancelling } : {}) });

  it('drops the old curves of blocks it recomputes and of removed blocks, and keeps cancelled ones', () => {
    const before: LiveTrainings = { als: live(), tune: live(), cut: live(), gone: live() };
    const runtime = { als: state('als', 'running'), tune: state('tune', 'fresh'), cut: state('cut', 'cancelled') };
    expect(Object.keys(trainingForRun(before, doc, runtime)).sort()).toEqual(['cut', 'tune']);
  });

  it('keeps a cancel the engine has not confirmed, even for a block it recomputes', () => {
    const before: LiveTrainings = { als: live(true) };
    expect(trainingForRun(before, doc, { als: state('als', 'running') })).toBe(before);
  });
});
