import { useEffect, type RefObject } from 'react';
import { getStudioState, studioActions } from '../state/studio-store';
import { edgeId } from './edge-ids';
import { isTypingTarget } from './typing-target';

/** Removes the selected blocks (with their connections) and then the selected connections that are left. */
export function deleteCanvasSelection(selectedEdges: ReadonlySet<string>): void {
  const { doc, selection } = getStudioState();
  const removed = new Set(selection);
  if (removed.size > 0) studioActions.removeBlocks([...removed]);
  for (const edge of doc.edges) {
    if (!selectedEdges.has(edgeId(edge)) || removed.has(edge.from.block) || removed.has(edge.to.block)) continue;
    studioActions.disconnect(edge.from, edge.to);
  }
}

const hasTextSelection = (): boolean => {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
};

/**
 * Delete/Backspace, Ctrl/Cmd+C and Ctrl/Cmd+V for the canvas. They act only when the canvas or nothing in particular
 * has focus and the user is not typing: the same keys mean other things in forms and in the preview table.
 */
export function useCanvasShortcuts(container: RefObject<HTMLElement | null>, selectedEdges: ReadonlySet<string>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || isTypingTarget(event.target)) return;
      const target = event.target;
      const inCanvas = target === document.body || (target instanceof Node && container.current?.contains(target) === true);
      if (!inCanvas) return;
      const command = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (!command && (event.key === 'Delete' || event.key === 'Backspace')) {
        if (getStudioState().selection.length === 0 && selectedEdges.size === 0) return;
        event.preventDefault();
        deleteCanvasSelection(selectedEdges);
      } else if (command && key === 'c') {
        // Text the user highlighted (an error message, say) is copied as text, not as blocks.
        if (hasTextSelection() || getStudioState().selection.length === 0) return;
        event.preventDefault();
        studioActions.copySelection();
      } else if (command && key === 'v') {
        event.preventDefault();
        studioActions.paste();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [container, selectedEdges]);
}
