/**
 * Autosave to IndexedDB, so a flow survives a reload or a crash. Saves shortly after the last edit, says honestly
 * whether the last version is stored, and offers a download when the browser refuses storage (quota, private mode).
 */
import { parseFlow, serializeFlow } from '../../engine/flow/parse';
import type { FlowDocument } from '../../engine/flow/schema';
import { decideSave, newTabId } from './autosave-conflict';
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

export interface FlowStorage {
  load(): Promise<AutosaveRecord | undefined>;
  /** Stores the record unless another tab saved a revision newer than `knownRevision` (read and write are atomic). */
  save(record: Omit<AutosaveRecord, 'revision'>, knownRevision: number): Promise<SaveOutcome>;
}

const DB_NAME = 'wrangle-studio';
const STORE = 'autosave';
const KEY = 'current';

/** Saves this long after the last edit: well under the promised second. */
export const AUTOSAVE_DELAY_MS = 400;
/** Under continuous editing, the longest a change waits for its save to start. */
const MAX_UNSAVED_MS = 1000;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('this browser offers no IndexedDB'));
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

/** The stored value as a record, or undefined when it is not one; records from before revisions get revision 0. */
export function readRecord(value: unknown): AutosaveRecord | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const r = value as Record<string, unknown>;
  if (typeof r.flow !== 'string' || !Array.isArray(r.sampleInputs) || !r.sampleInputs.every((s) => typeof s === 'string')) {
    return undefined;
  }
  return {
    flow: r.flow,
    sampleInputs: r.sampleInputs as string[],
    savedAt: typeof r.savedAt === 'number' ? r.savedAt : 0,
    revision: typeof r.revision === 'number' ? r.revision : 0,
    tabId: typeof r.tabId === 'string' ? r.tabId : '',
  };
}

/** The browser's IndexedDB, opened once on first use. */
export function indexedDbStorage(): FlowStorage {
  let db: Promise<IDBDatabase> | undefined;
  const database = (): Promise<IDBDatabase> =>
    (db ??= openDatabase().then((opened) => {
      // Another tab (or a test clearing storage) wants to delete or upgrade the database: let it, and reopen later.
      opened.onversionchange = () => {
        opened.close();
        db = undefined;
      };
      return opened;
    }).catch((e: unknown) => {
      db = undefined;
      throw e;
    }));
  return {
    async load() {
      const tx = (await database()).transaction(STORE, 'readonly');
      const value: unknown = await request(tx.objectStore(STORE).get(KEY));
      return readRecord(value);
    },
    async save(record, knownRevision) {
      const tx = (await database()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      let outcome: SaveOutcome | undefined;
      // Read and write in one transaction, so no other tab's save can land between the check and the put.
      const read = store.get(KEY);
      read.onsuccess = () => {
        const stored = readRecord(read.result);
        const decision = decideSave(stored, knownRevision, record.tabId);
        if (decision.kind === 'conflict' && stored) {
          outcome = { saved: false, theirs: stored };
          return;
        }
        const revision = decision.kind === 'save' ? decision.revision : knownRevision + 1;
        store.put({ ...record, revision }, KEY);
        outcome = { saved: true, revision };
      };
      // Only a completed transaction is stored; a put that succeeded can still be rolled back (quota).
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
      if (outcome === undefined) throw new Error('IndexedDB finished the save without reading the stored flow');
      return outcome;
    },
  };
}

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
  const askAboutConflict = (theirs: AutosaveRecord): void => {
    host.internals.setSaveStatus('failed');
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
    if (!writing && !failing && !conflict) host.internals.setSaveStatus('unsaved');
    // While a write is in flight the next one waits for it: save() re-schedules when the document moved on. While a
    // conflict is open, the next save tries again, which asks again if the question was dismissed unanswered.
    if (!writing) schedule();
  });

  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
