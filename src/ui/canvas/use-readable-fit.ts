import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isDifferentFlow } from './new-flow';
import { readableFit, type FitLimits } from './readable-fit';

/**
 * Fitting never zooms out so far that a block title (13 px) reads under 11 px: a bigger flow shows its start and
 * scrolls instead. Nothing lies over the block area (the zoom buttons and the map are in a rail beside it), so the
 * padding is even.
 */
const TITLE_PX = 13;
const MIN_TITLE_PX = 11;
export const FIT_LIMITS: FitLimits = { padding: 24, maxZoom: 1, minZoom: MIN_TITLE_PX / TITLE_PX };

/** Fits the flow into the pane (see readableFit); `duration` animates it. */
export function useReadableFit(pane: RefObject<HTMLElement | null>): (duration?: number) => void {
  const flow = useReactFlow();
  return useCallback(
    (duration?: number) => {
      const nodes = flow.getNodes();
      const box = pane.current?.getBoundingClientRect();
      if (nodes.length === 0 || !box) return;
      void flow.setViewport(readableFit(flow.getNodesBounds(nodes), box, FIT_LIMITS), duration ? { duration } : undefined);
    },
    [flow, pane],
  );
}

/**
 * Fits the view on the first flow shown and whenever a different one is (opened, new, recovered), once its blocks
 * are measured, so that the flow (or its start) is in view.
 */
export function useFitOnNewFlow(blockIds: string, fit: () => void): void {
  const previous = useRef<string | undefined>(undefined);
  const [pending, setPending] = useState(true);
  const measured = useNodesInitialized();
  useEffect(() => {
    const before = previous.current;
    previous.current = blockIds;
    const ids = (joined: string) => (joined === '' ? [] : joined.split('\n'));
    if (before !== undefined && isDifferentFlow(ids(before), ids(blockIds))) setPending(true);
  }, [blockIds]);
  useEffect(() => {
    if (!pending || !measured) return;
    setPending(false);
    fit();
  }, [pending, measured, fit]);
}
