import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { FlowDocument } from '../../engine/flow/schema';
import { getStudioState, studioActions } from '../state/studio-store';
import { edgeId } from './edge-ids';
import { nextSelection, sameList } from './selection';

/**
 * Block selection lives in the store (the inspector follows it); connection selection is the canvas's own, since only
 * the canvas acts on it. React Flow reports clicks, modifier clicks and box selections as select changes.
 */
export function useSelectionSync(doc: FlowDocument) {
  const [chosenEdges, setChosenEdges] = useState<ReadonlySet<string>>(() => new Set());

  // A connection that is gone (deleted, undone) is no longer selected.
  const selectedEdges = useMemo<ReadonlySet<string>>(() => {
    const existing = new Set(doc.edges.map(edgeId));
    const kept = [...chosenEdges].filter((id) => existing.has(id));
    return kept.length === chosenEdges.size ? chosenEdges : new Set(kept);
  }, [doc.edges, chosenEdges]);

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
    setChosenEdges((previous) => {
      const next = new Set(previous);
      for (const change of selects) {
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      return next;
    });
  }, []);

  return { selectedEdges, onSelectChanges, onEdgesChange };
}
