/**
 * Undo and redo over document snapshots. The document is immutable, so a snapshot is a reference and unchanged
 * blocks are shared between steps; undo gives back the very object that was current before.
 */
import type { FlowDocument } from '../../engine/flow/schema';

/** Older steps are forgotten beyond this many. */
export const HISTORY_LIMIT = 200;

export interface History {
  past: readonly FlowDocument[];
  present: FlowDocument;
  future: readonly FlowDocument[];
}

export function startHistory(doc: FlowDocument): History {
  return { past: [], present: doc, future: [] };
}

/** Records an edit as one step; a no-op edit (the same document) records nothing. */
export function recordEdit(h: History, next: FlowDocument, limit = HISTORY_LIMIT): History {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

/** Replaces the current document without a step: for state the engine computed, such as fitted labels. */
export function replacePresent(h: History, next: FlowDocument): History {
  return next === h.present ? h : { ...h, present: next };
}

export function undo(h: History): History {
  const previous = h.past[h.past.length - 1];
  if (!previous) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}
