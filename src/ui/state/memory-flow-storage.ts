/** A FlowStorage in memory for unit tests: one slot shared by every tab that uses it, like IndexedDB's. */
import type { AutosaveRecord, FlowStorage, SavedElsewhere } from './autosave';
import { decideSave } from './autosave-conflict';

export interface MemoryFlowStorage extends FlowStorage {
  /** Every record stored, oldest first; the last one is the slot's content. */
  saved: AutosaveRecord[];
  /** Makes each save throw this (quota, private mode). */
  failWith?: Error;
  /** Each save waits for this first, so a test can hold a write in flight. */
  gate?: Promise<void>;
  /** When false, saves are not announced: a browser without BroadcastChannel, or a message that never arrived. */
  announces: boolean;
}

export function memoryFlowStorage(): MemoryFlowStorage {
  const watchers = new Set<(said: SavedElsewhere) => void>();
  const storage: MemoryFlowStorage = {
    saved: [],
    announces: true,
    load: () => Promise.resolve(storage.saved.at(-1)),
    async save(record, knownRevision) {
      await storage.gate;
      if (storage.failWith) throw storage.failWith;
      const stored = storage.saved.at(-1);
      const decision = decideSave(stored, knownRevision, record.tabId);
      if (decision.kind === 'conflict' && stored) return { saved: false, theirs: stored };
      const revision = decision.kind === 'save' ? decision.revision : knownRevision + 1;
      storage.saved.push({ ...record, revision });
      // Like a BroadcastChannel: delivered later, never to the sender (the autosave also ignores its own tab id).
      if (storage.announces) for (const w of [...watchers]) setTimeout(() => w({ revision, tabId: record.tabId }), 0);
      return { saved: true, revision };
    },
    watch(listener) {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
  };
  return storage;
}
