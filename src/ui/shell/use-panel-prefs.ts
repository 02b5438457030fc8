import { useEffect, useSyncExternalStore } from 'react';
import { isTypingTarget } from '../canvas/typing-target';
import { DEFAULT_PANELS, panelForKey, parsePanelPrefs, type PanelName, type PanelPrefs } from './panel-prefs';

const KEY = 'wrangle.panels';

function load(): PanelPrefs {
  try {
    return parsePanelPrefs(globalThis.localStorage?.getItem(KEY));
  } catch {
    return DEFAULT_PANELS;
  }
}

let prefs: PanelPrefs | undefined;
const listeners = new Set<() => void>();

function current(): PanelPrefs {
  prefs ??= load();
  return prefs;
}

/** Shows a hidden panel or hides a shown one, and remembers it for the next visit. */
export function togglePanel(name: PanelName): void {
  prefs = { ...current(), [name]: !current()[name] };
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Private browsing or a full quota: the layout holds for this session only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Which panels are shown; re-renders when one is toggled. */
export function usePanelPrefs(): PanelPrefs {
  return useSyncExternalStore(subscribe, current, current);
}

/** The panel keys (see PANEL_KEYS), anywhere but in a field where the user types. */
export function usePanelKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat || isTypingTarget(event.target)) return;
      const panel = panelForKey(event);
      if (!panel) return;
      event.preventDefault();
      togglePanel(panel);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
