/**
 * The autosave slot in the browser's IndexedDB, shared by every tab of the studio on this origin. A save that lands
 * is announced on a BroadcastChannel, so an idle tab hears of it at once rather than at its own next save.
 */
import { decideSave } from './autosave-conflict';
import type { AutosaveRecord, FlowStorage, SaveOutcome, SavedElsewhere } from './autosave';

const DB_NAME = 'wrangle-studio';
const STORE = 'autosave';
const KEY = 'current';
/** The channel every tab posts `{ revision, tabId }` on after a save of its own has been stored. */
const CHANNEL = 'wrangle-studio-autosave';

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

/** A message from another tab's channel, checked: anything else on the channel is ignored. */
function readAnnouncement(data: unknown): SavedElsewhere | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const { revision, tabId } = data as Record<string, unknown>;
  return typeof revision === 'number' && typeof tabId === 'string' ? { revision, tabId } : undefined;
}

/** The browser's IndexedDB, opened once on first use. */
export function indexedDbStorage(): FlowStorage {
  let db: Promise<IDBDatabase> | undefined;
  // Browsers without BroadcastChannel still never lose work: the revision check at each save finds the conflict.
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
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
      if (outcome.saved) channel?.postMessage({ revision: outcome.revision, tabId: record.tabId } satisfies SavedElsewhere);
      return outcome;
    },
    watch(listener) {
      if (!channel) return () => undefined;
      // A channel never receives its own messages, only other tabs'.
      const onMessage = (e: MessageEvent): void => {
        const said = readAnnouncement(e.data);
        if (said) listener(said);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
