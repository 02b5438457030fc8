import type { Position } from '../state/store-types';

/** The drag-and-drop type that carries a block kind from the palette to the canvas. */
export const BLOCK_KIND_MIME = 'application/x-wrangle-block-kind';

type CentreFinder = () => Position;

// The palette and the canvas are siblings in the layout, not parent and child, so the canvas lends the palette
// this one question ("where is the middle of what you show?") instead of sharing a React Flow provider.
let findCentre: CentreFinder | undefined;

/** Called by the mounted canvas; returns the function that withdraws it. */
export function provideViewportCentre(finder: CentreFinder): () => void {
  findCentre = finder;
  return () => {
    if (findCentre === finder) findCentre = undefined;
  };
}

/** The flow position at the middle of the visible canvas, or undefined when no canvas is mounted. */
export function viewportCentre(): Position | undefined {
  return findCentre?.();
}

type BlockRevealer = (blockIds: readonly string[]) => void;
let reveal: BlockRevealer | undefined;

/** Called by the mounted canvas: centres blocks in the view without zooming. Returns the function that withdraws it. */
export function provideBlockReveal(revealer: BlockRevealer): () => void {
  reveal = revealer;
  return () => {
    if (reveal === revealer) reveal = undefined;
  };
}

/**
 * Centres the blocks, together, in the canvas (a flow bigger than the view scrolls rather than shrinks): the middle of
 * the box around them goes to the middle of the view, so two blocks that fit in the view are both on screen.
 */
export function revealBlocks(blockIds: readonly string[]): void {
  reveal?.(blockIds);
}
