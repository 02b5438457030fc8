import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { getStudioState, studioActions, useStudio } from '../state/studio-store';
import { edgeId, parseEdgeId } from './edge-ids';
import { nextSelection, sameList } from './selection';

/**
 * Block and connection selection live in the store: the inspector follows both (a selected wire shows its ends and a
 * Delete button). React Flow reports clicks, modifier clicks and box selections as select changes.
 */
export function useSelectionSync() {
  const chosenEdges = useStudio((s) => s.selectedEdges);
  // The store drops connections that are gone (deleted, undone) from the selection.
  const selectedEdges = useMemo<ReadonlySet<string>>(() => new Set(chosenEdges.map(edgeId)), [chosenEdges]);

  const onSelectChanges = useCallback((changes: NodeChange[]) => {
    const selects = changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
    if (selects.length === 0) return;
    const current = getStudioState().selection;
    const next = nextSelection(current, selects);
    if (!sameList(current, next)) studioActions.select(next);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selects = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
    if (selects.length === 0) return;
    const next = new Set(getStudioState().selectedEdges.map(edgeId));
    for (const change of selects) {
      if (change.selected) next.add(change.id);
      else next.delete(change.id);
    }
    studioActions.selectEdges([...next].flatMap((id) => parseEdgeId(id) ?? []));
  }, []);

  return { selectedEdges, onSelectChanges, onEdgesChange };
}
