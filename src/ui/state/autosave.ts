/**
 * Autosave to IndexedDB, so a flow survives a reload or a crash. Saves shortly after the last edit, says honestly
 * whether the last version is stored, and offers a download when the browser refuses storage (quota, private mode).
 */
import { serializeFlow } from '../../engine/flow/parse';
import type { FlowDocument } from '../../engine/flow/schema';
import type { StudioInternals } from './create-store';
import { errorMessage } from './run-loop';
import type { StudioState } from './store-types';

/** What is stored: the flow as its file text (read back through parseFlow, so migrations apply), and which inputs
 * were the bundled sample files, which can be fetched again after a reload. */
export interface AutosaveRecord {
  flow: string;
  sampleInputs: string[];
  savedAt: number;
}

export interface FlowStorage {
  load(): Promise<AutosaveRecord | undefined>;
  save(record: AutosaveRecord): Promise<void>;
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

function isRecord(value: unknown): value is AutosaveRecord {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.flow === 'string' && Array.isArray(r.sampleInputs) && r.sampleInputs.every((s) => typeof s === 'string');
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
      return isRecord(value) ? value : undefined;
    },
    async save(record) {
      const tx = (await database()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(record, KEY);
      // Only a completed transaction is stored; a put that succeeded can still be rolled back (quota).
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      });
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
}

/**
 * Watches the document and saves it after each change. The status goes unsaved → saving → saved, or failed, with a
 * notice offering `download`; it never says saved before the write completed. Returns a function that stops it.
 */
export function startAutosave(
  host: AutosaveHost,
  storage: FlowStorage,
  download: () => void,
  options: { delayMs?: number; /** Why storage already failed (reading the autosave), if it did. */ failed?: string } = {},
): () => void {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  // What a save stores: the document, and which inputs are the bundled sample (a user's own file replacing one must
  // be saved too, or a reload would bring the sample back in its place).
  const current = (): Saved => ({ doc: host.getState().doc, samples: host.internals.sampleInputs() });
  const same = (a: Saved, b: Saved): boolean => a.doc === b.doc && a.samples.join('\n') === b.samples.join('\n');
  let lastSaved = current();
  let seen = lastSaved;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;
  let failing = false;
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

  const save = async (): Promise<void> => {
    timer = undefined;
    if (writing) return;
    const snapshot = current();
    dirtySince = undefined;
    writing = true;
    host.internals.setSaveStatus('saving');
    try {
      await storage.save({ flow: serializeFlow(snapshot.doc), sampleInputs: snapshot.samples, savedAt: Date.now() });
      lastSaved = snapshot;
      failing = false;
    } catch (e) {
      writing = false;
      failed(errorMessage(e));
      return;
    }
    writing = false;
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
    if (!writing && !failing) host.internals.setSaveStatus('unsaved');
    // While a write is in flight the next one waits for it: save() re-schedules when the document moved on.
    if (!writing) schedule();
  });

  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
