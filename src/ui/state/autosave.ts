/**
 * Autosave to IndexedDB, so a flow survives a reload or a crash. Saves shortly after the last edit, says honestly
 * whether the last version is stored, and offers a download when the browser refuses storage (quota, private mode).
 */
import { parseFlow, serializeFlow } from '../../engine/flow/parse';
import type { FlowDocument } from '../../engine/flow/schema';
import { newTabId } from './autosave-conflict';
import type { StudioInternals } from './create-store';
import { errorMessage } from './run-loop';
import type { StudioActions, StudioState } from './store-types';

/** What is stored: the flow as its file text (read back through parseFlow, so migrations apply), and which inputs
 * were the bundled sample files, which can be fetched again after a reload. */
export interface AutosaveRecord {
  flow: string;
  sampleInputs: string[];
  savedAt: number;
  /** Counts up with each save, across tabs; 0 for a record from before revisions. */
  revision: number;
  /** The tab that wrote it (empty for a record from before revisions). */
  tabId: string;
}

/** A save either stored the record under a new revision, or found that another tab stored a newer one first. */
export type SaveOutcome = { saved: true; revision: number } | { saved: false; theirs: AutosaveRecord };

/** Another tab stored this revision. */
export interface SavedElsewhere {
  revision: number;
  tabId: string;
}

export interface FlowStorage {
  load(): Promise<AutosaveRecord | undefined>;
  /** Stores the record unless another tab saved a revision newer than `knownRevision` (read and write are atomic). */
  save(record: Omit<AutosaveRecord, 'revision'>, knownRevision: number): Promise<SaveOutcome>;
  /** Calls `listener` when another tab has stored a save; returns a function that stops listening. */
  watch?(listener: (said: SavedElsewhere) => void): () => void;
}

/** Saves this long after the last edit: well under the promised second. */
export const AUTOSAVE_DELAY_MS = 400;
/** Under continuous editing, the longest a change waits for its save to start. */
const MAX_UNSAVED_MS = 1000;

interface Saved {
  doc: FlowDocument;
  samples: string[];
}

interface AutosaveHost {
  getState(): StudioState;
  subscribe(listener: () => void): () => void;
  internals: Pick<StudioInternals, 'setSaveStatus' | 'notify' | 'sampleInputs'>;
  actions: Pick<StudioActions, 'load'>;
}

export interface AutosaveOptions {
  delayMs?: number;
  /** Why storage already failed (reading the autosave), if it did. */
  failed?: string;
  /** The revision of the record this tab loaded at start (0 when none). */
  knownRevision?: number;
  tabId?: string;
  /** After "Load theirs": fetches again the bundled sample files the other tab's flow used. */
  restoreSamples?: (doc: FlowDocument, sampleInputs: readonly string[]) => void;
}

export const CONFLICT_MESSAGE = 'This flow was changed in another tab.';

/**
 * Watches the document and saves it after each change. The status goes unsaved → saving → saved, or failed, with a
 * notice offering `download`; it never says saved before the write completed. When another tab saved a newer
 * version first, this tab keeps its edits, does not overwrite, and asks: "Load theirs" or "Keep mine".
 * Returns a function that stops it.
 */
export function startAutosave(host: AutosaveHost, storage: FlowStorage, download: () => void, options: AutosaveOptions = {}): () => void {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const tabId = options.tabId ?? newTabId();
  let knownRevision = options.knownRevision ?? 0;
  // What a save stores: the document, and which inputs are the bundled sample (a user's own file replacing one must
  // be saved too, or a reload would bring the sample back in its place).
  const current = (): Saved => ({ doc: host.getState().doc, samples: host.internals.sampleInputs() });
  const same = (a: Saved, b: Saved): boolean => a.doc === b.doc && a.samples.join('\n') === b.samples.join('\n');
  let lastSaved = current();
  let seen = lastSaved;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;
  let failing = false;
  /** Set while another tab's newer save is unresolved: this tab writes nothing until the user chooses. */
  let conflict: { theirs: AutosaveRecord; noticeId: number } | undefined;
  const failed = (why: string): void => {
    host.internals.setSaveStatus('failed');
    if (failing) return;
    failing = true;
    host.internals.notify('error', `Your flow could not be saved in this browser (${why}). Download it to keep it.`, {
      label: 'Download flow',
      run: download,
    });
  };
  if (options.failed !== undefined) failed(options.failed);

  const keepMine = (): void => {
    if (!conflict) return;
    knownRevision = conflict.theirs.revision;
    conflict = undefined;
    if (timer !== undefined) clearTimeout(timer);
    void save();
  };
  const loadTheirs = (): void => {
    if (!conflict) return;
    const { theirs } = conflict;
    let doc: FlowDocument;
    try {
      doc = parseFlow(theirs.flow);
    } catch (e) {
      host.internals.notify('error', `The other tab's flow cannot be read here (${errorMessage(e)}). Keep yours or reload.`);
      return;
    }
    knownRevision = theirs.revision;
    conflict = undefined;
    // The normal open-flow action: one undo step brings this tab's version back (and then saves it).
    host.actions.load(doc);
    options.restoreSamples?.(doc, theirs.sampleInputs);
  };
  /** `unsavedHere`: this tab has edits the slot lacks, so its status must not say saved. An idle tab that only
   * heard of another tab's save keeps its status: what it shows is stored, as an older revision. */
  const askAboutConflict = (theirs: AutosaveRecord, unsavedHere = true): void => {
    if (unsavedHere) host.internals.setSaveStatus('failed');
    const showing = conflict !== undefined && host.getState().notices.some((n) => n.id === conflict?.noticeId);
    if (conflict && showing) {
      conflict = { ...conflict, theirs };
      return;
    }
    const noticeId = host.internals.notify('warning', CONFLICT_MESSAGE, {
      label: 'Load theirs',
      run: loadTheirs,
      alternative: { label: 'Keep mine', run: keepMine },
    });
    conflict = { theirs, noticeId };
  };

  const save = async (): Promise<void> => {
    timer = undefined;
    if (writing) return;
    const snapshot = current();
    dirtySince = undefined;
    writing = true;
    if (!conflict) host.internals.setSaveStatus('saving');
    let outcome: SaveOutcome;
    try {
      const record = { flow: serializeFlow(snapshot.doc), sampleInputs: snapshot.samples, savedAt: Date.now(), tabId };
      outcome = await storage.save(record, knownRevision);
      failing = false;
    } catch (e) {
      writing = false;
      failed(errorMessage(e));
      return;
    }
    writing = false;
    if (!outcome.saved) {
      askAboutConflict(outcome.theirs);
      return;
    }
    lastSaved = snapshot;
    knownRevision = outcome.revision;
    if (same(current(), lastSaved)) host.internals.setSaveStatus('saved');
    else schedule();
  };

  // Edits in a steady stream (typing in a form) must not postpone the save for ever: a second at most.
  let dirtySince: number | undefined;
  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    dirtySince ??= Date.now();
    const wait = Math.min(delayMs, Math.max(0, dirtySince + MAX_UNSAVED_MS - Date.now()));
    timer = setTimeout(() => void save(), wait);
  };

  const unsubscribe = host.subscribe(() => {
    const now = current();
    if (same(now, seen)) return;
    seen = now;
    // While another tab's save is unanswered nothing here can be stored, so the status says so at once.
    if (!writing && !failing) host.internals.setSaveStatus(conflict ? 'failed' : 'unsaved');
    // While a write is in flight the next one waits for it: save() re-schedules when the document moved on. While a
    // conflict is open, the next save tries again, which asks again if the question was dismissed unanswered.
    if (!writing) schedule();
  });

  // Another tab saved: ask now, while this tab may be idle, instead of at this tab's next save. What this tab then
  // writes is still checked against the stored revision, so a missed or late message loses nothing.
  const heard = async (said: SavedElsewhere): Promise<void> => {
    if (said.tabId === tabId || said.revision <= knownRevision) return;
    let theirs: AutosaveRecord | undefined;
    try {
      theirs = await storage.load();
    } catch {
      return;
    }
    if (!theirs || theirs.tabId === tabId || theirs.revision <= knownRevision) return;
    askAboutConflict(theirs, writing || timer !== undefined || !same(current(), lastSaved));
  };
  const unwatch = storage.watch?.((said) => void heard(said));

  return () => {
    unsubscribe();
    unwatch?.();
    if (timer !== undefined) clearTimeout(timer);
  };
}
