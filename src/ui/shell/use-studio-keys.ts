import { useEffect } from 'react';
import { studioActions } from '../state/studio-store';
import { askToSaveFlow } from './SaveFlowDialog';

/** Fields where Ctrl+Z undoes typing, not the flow. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Studio-wide keys: Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y redo (not while typing in a field, where they
 * edit the text), and Ctrl/Cmd+S asks for a file name and downloads the flow instead of saving the page.
 */
export function useStudioKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 's' && !e.shiftKey) {
        e.preventDefault();
        askToSaveFlow();
        return;
      }
      if (isTyping(e.target)) return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        studioActions.undo();
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) {
        e.preventDefault();
        studioActions.redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
