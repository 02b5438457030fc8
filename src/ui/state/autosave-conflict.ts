/**
 * Two tabs of the studio share one autosave slot. Each save carries a revision number and the writing tab's id, and a
 * tab only overwrites the slot when nobody else stored a newer revision since this tab last loaded or saved it.
 */

/** What a save needs to know about the stored record (records from before revisions count as revision 0). */
export interface StoredRevision {
  revision?: number;
  tabId?: string;
}

export type SaveDecision =
  /** Store the record under this revision. */
  | { kind: 'save'; revision: number }
  /** Another tab stored `theirRevision` after this tab's `knownRevision`: writing now would lose its work. */
  | { kind: 'conflict'; theirRevision: number };

/** Save or conflict, from the stored record (if any) and the revision this tab last loaded or saved. */
export function decideSave(stored: StoredRevision | undefined, knownRevision: number, tabId: string): SaveDecision {
  const storedRevision = stored?.revision ?? 0;
  // A newer record this tab wrote itself is no conflict (it cannot happen unless a save's answer was lost).
  if (stored !== undefined && storedRevision > knownRevision && stored.tabId !== tabId) {
    return { kind: 'conflict', theirRevision: storedRevision };
  }
  return { kind: 'save', revision: Math.max(storedRevision, knownRevision) + 1 };
}

/** A fresh id for this tab; a reload is a new tab, which starts from the revision it loaded. */
export function newTabId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
