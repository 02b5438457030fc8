/**
 * Pure functions over the live training state: what the Training tab draws while a model block trains. Runtime
 * only, like the block states: never saved, and started afresh by each run.
 */
import type { FlowDocument } from '../../engine/flow/schema';
import type { ModelProgress, TrainingEvent } from '../../worker/engine-api';
import type { Runtime } from './run-state';

/** One iteration as the live chart plots it. */
export type TrainingPoint = Pick<ModelProgress, 'iteration' | 'loss' | 'trainRmse' | 'validationRmse'>;

/** A block's training as it happens. */
export interface LiveTraining {
  /** The run it belongs to: a newer run's training starts afresh. */
  runId: number;
  /** When this run's first training began (ms since the epoch), for the elapsed time. */
  startedAt: number;
  backend?: string;
  fallbackReason?: string;
  /** e.g. `grid 2/4 (rank 10, regParam 0.1) · fold 3/5` while tuning. */
  stage?: string;
  maxIter?: number;
  /** The current training's iterations: a tune block starts a new curve for each grid point and fold. */
  points: TrainingPoint[];
  /** Trainings started in this run: one for train-als, grid × folds + 1 for tune. */
  trainings: number;
  /** The user asked to cancel and the engine has not reported the block since: held back from newer runs too. */
  cancelling?: boolean;
}

export type LiveTrainings = Record<string, LiveTraining>;

/** Folds an engine event of run `runId` into the live state; `now` is the time it arrived. */
export function applyTrainingEvent(live: LiveTrainings, event: TrainingEvent, runId: number, now: number): LiveTrainings {
  const old = live[event.blockId];
  const base: LiveTraining = old?.runId === runId ? old : { runId, startedAt: now, points: [], trainings: 0 };
  if (event.type === 'start') {
    const next: LiveTraining = { ...base, backend: event.backend, points: [], trainings: base.trainings + 1 };
    if (event.fallbackReason !== undefined) next.fallbackReason = event.fallbackReason;
    else delete next.fallbackReason;
    return { ...live, [event.blockId]: next };
  }
  const p = event.progress;
  const point: TrainingPoint = { iteration: p.iteration, loss: p.loss };
  if (p.trainRmse !== undefined) point.trainRmse = p.trainRmse;
  if (p.validationRmse !== undefined) point.validationRmse = p.validationRmse;
  const next: LiveTraining = { ...base, backend: p.backend || base.backend, maxIter: p.maxIter, points: [...base.points, point] };
  if (p.stage !== undefined) next.stage = p.stage;
  else delete next.stage;
  return { ...live, [event.blockId]: next };
}

/** The user pressed Cancel: the tab says so, and runs hold the block back, until the engine reports it. */
export function markCancelling(live: LiveTrainings, blockId: string, runId: number, now: number): LiveTrainings {
  const old = live[blockId] ?? { runId, startedAt: now, points: [], trainings: 0 };
  return { ...live, [blockId]: { ...old, cancelling: true } };
}

/** The engine reported these blocks, or the user edited them: a pending cancel of theirs is settled. */
export function settleCancelling(live: LiveTrainings, blockIds: Iterable<string>): LiveTrainings {
  let next = live;
  for (const id of blockIds) {
    const old = next[id];
    if (!old?.cancelling) continue;
    const rest = { ...old };
    delete rest.cancelling;
    next = { ...next, [id]: rest };
  }
  return next;
}

/**
 * The live state a new run starts from: blocks it recomputes (`running`) lose their old curve, so the tab never shows
 * a finished training as if it were live; blocks the document no longer has are dropped. A cancel not yet confirmed
 * is kept, and so is the curve of a cancelled block.
 */
export function trainingForRun(live: LiveTrainings, doc: FlowDocument, runtime: Runtime): LiveTrainings {
  const ids = new Set(doc.blocks.map((b) => b.id));
  const kept = Object.entries(live).filter(([id, t]) => ids.has(id) && (runtime[id]?.status !== 'running' || t.cancelling));
  return kept.length === Object.keys(live).length ? live : Object.fromEntries(kept);
}

/**
 * Blocks whose training the user cancelled: held back from later runs until edited or trained again. A cancel the
 * engine has not confirmed counts too, since a newer run may overtake the one it was meant for.
 */
export function heldTraining(runtime: Runtime, live: LiveTrainings): string[] {
  const held = new Set(Object.values(runtime).filter((s) => s.status === 'cancelled').map((s) => s.blockId));
  for (const [id, t] of Object.entries(live)) if (t.cancelling && id in runtime) held.add(id);
  return [...held];
}
