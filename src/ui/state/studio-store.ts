/**
 * The studio's one store and the hook that reads it. Components select what they need with `useStudio` and change
 * things only through `studioActions`.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { createStudioStore } from './create-store';
import type { StudioActions, StudioState } from './store-types';

const store = createStudioStore();

export const studioActions: StudioActions = store.actions;

/** First launch, recovery, autosave and the engine hook in here; components use `studioActions`. */
export const studioInternals = store.internals;

export function getStudioState(): StudioState {
  return store.getState();
}

export const subscribeStudio = store.subscribe;

/**
 * Reads a slice of the state and re-renders when it changes. The selector may build a new object or array: its
 * result is kept until the state itself changes, so React sees a stable snapshot.
 */
export function useStudio<T>(selector: (s: StudioState) => T): T {
  const cache = useRef<{ state: StudioState; selector: (s: StudioState) => T; value: T } | undefined>(undefined);
  const getSnapshot = useCallback((): T => {
    const state = store.getState();
    const hit = cache.current;
    if (hit && hit.state === state && hit.selector === selector) return hit.value;
    const value = selector(state);
    // An unchanged result keeps its identity, so components that select a slice skip renders for other changes.
    const kept = hit && Object.is(hit.value, value) ? hit.value : value;
    cache.current = { state, selector, value: kept };
    return kept;
  }, [selector]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
