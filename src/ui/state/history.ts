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

export interface CommitOptions {
  /** An edit the user can undo (default), or computed state such as fitted labels. */
  undoable?: boolean;
  /** False for state the engine itself just computed: running again would only repeat it. */
  rerun?: boolean;
}

/** A change of the current document, for the store to publish and, where `rerun`, to run what it affects. */
export interface DocChange {
  prev: FlowDocument;
  next: FlowDocument;
  rerun: boolean;
}

/**
 * The document's history and the one way to change the current document: commits (undoable edits or computed
 * state), undo and redo. Each change that happened is handed to `changed`; a no-op commit or step hands nothing.
 */
export class EditHistory {
  private h: History;

  constructor(
    initial: FlowDocument,
    private readonly changed: (change: DocChange) => void,
    private readonly limit = HISTORY_LIMIT,
  ) {
    this.h = startHistory(initial);
  }

  present(): FlowDocument {
    return this.h.present;
  }

  canUndo(): boolean {
    return this.h.past.length > 0;
  }

  canRedo(): boolean {
    return this.h.future.length > 0;
  }

  commit(next: FlowDocument, { undoable = true, rerun = true }: CommitOptions = {}): void {
    const prev = this.h.present;
    if (next === prev) return;
    this.h = undoable ? recordEdit(this.h, next, this.limit) : replacePresent(this.h, next);
    this.changed({ prev, next, rerun });
  }

  step(direction: 'undo' | 'redo'): void {
    const prev = this.h.present;
    this.h = direction === 'undo' ? undo(this.h) : redo(this.h);
    if (this.h.present !== prev) this.changed({ prev, next: this.h.present, rerun: true });
  }

  /** Starts again from this document with no steps (first launch, recovery: not edits); returns the one it replaces. */
  restart(doc: FlowDocument): FlowDocument {
    const prev = this.h.present;
    this.h = startHistory(doc);
    return prev;
  }
}
