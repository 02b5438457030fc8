/** A FlowStorage in memory for unit tests: one slot shared by every tab that uses it, like IndexedDB's. */
import type { AutosaveRecord, FlowStorage } from './autosave';
import { decideSave } from './autosave-conflict';

export interface MemoryFlowStorage extends FlowStorage {
  /** Every record stored, oldest first; the last one is the slot's content. */
  saved: AutosaveRecord[];
  /** Makes each save throw this (quota, private mode). */
  failWith?: Error;
  /** Each save waits for this first, so a test can hold a write in flight. */
  gate?: Promise<void>;
}

export function memoryFlowStorage(): MemoryFlowStorage {
  const storage: MemoryFlowStorage = {
    saved: [],
    load: () => Promise.resolve(storage.saved.at(-1)),
    async save(record, knownRevision) {
      await storage.gate;
      if (storage.failWith) throw storage.failWith;
      const stored = storage.saved.at(-1);
      const decision = decideSave(stored, knownRevision, record.tabId);
      if (decision.kind === 'conflict' && stored) return { saved: false, theirs: stored };
      const revision = decision.kind === 'save' ? decision.revision : knownRevision + 1;
      storage.saved.push({ ...record, revision });
      return { saved: true, revision };
    },
  };
  return storage;
}
