import { buildGraph } from '../../engine/plan/graph';
import type { FlowBlock, FlowDocument } from '../../engine/flow/schema';
import type { Position } from '../state/store-types';

/** Horizontal distance between layers and vertical distance between blocks of one layer, in flow units. */
export const LAYER_GAP = 280;
export const ROW_GAP = 150;
/** The footprint a block is assumed to take when looking for a free spot. */
const BLOCK_BOX = { width: 220, height: 120 };

/** Blocks in an order where inputs come first; declaration order when the wiring is broken (it never is in the store). */
function upstreamFirst(doc: FlowDocument): { order: FlowBlock[]; upstreamOf: (id: string) => string[] } {
  try {
    const graph = buildGraph(doc);
    return {
      order: graph.order,
      upstreamOf: (id) => Object.values(graph.inputsOf.get(id) ?? {}).map((ref) => ref.block),
    };
  } catch {
    const ids = new Set(doc.blocks.map((b) => b.id));
    return {
      order: doc.blocks,
      upstreamOf: (id) => doc.edges.filter((e) => e.to.block === id && ids.has(e.from.block)).map((e) => e.from.block),
    };
  }
}

/**
 * A left-to-right layered layout of every block: a block's layer is the longest path to it from a block without
 * inputs; the blocks of a layer are spread vertically around y = 0, ordered by where their inputs sit (fewer crossings).
 */
export function autoLayout(doc: FlowDocument): Record<string, Position> {
  const { order, upstreamOf } = upstreamFirst(doc);
  const layerOf = new Map<string, number>();
  for (const block of order) {
    const ups = upstreamOf(block.id).map((id) => layerOf.get(id) ?? 0);
    layerOf.set(block.id, ups.length === 0 ? 0 : Math.max(...ups) + 1);
  }
  const layers: string[][] = [];
  for (const block of order) {
    const layer = layerOf.get(block.id) ?? 0;
    (layers[layer] ??= []).push(block.id);
  }
  const rowOf = new Map<string, number>();
  const positions: Record<string, Position> = {};
  layers.forEach((ids, layer) => {
    const barycentre = (id: string): number => {
      const rows = upstreamOf(id).map((up) => rowOf.get(up) ?? 0);
      return rows.length === 0 ? 0 : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    // Array.prototype.sort is stable, so ties keep the upstream-first order.
    const sorted = layer === 0 ? ids : [...ids].sort((a, b) => barycentre(a) - barycentre(b));
    sorted.forEach((id, index) => {
      const row = index - (sorted.length - 1) / 2;
      rowOf.set(id, row);
      positions[id] = { x: layer * LAYER_GAP, y: row * ROW_GAP };
    });
  });
  return positions;
}

function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < BLOCK_BOX.width && Math.abs(a.y - b.y) < BLOCK_BOX.height;
}

/**
 * Where every block sits: its stored position, or else its automatic one, moved down until it covers no placed block
 * (a pasted or freshly loaded block must not hide under one the user arranged).
 */
export function placeBlocks(doc: FlowDocument): Record<string, Position> {
  const stored = doc.view?.positions ?? {};
  const missing = doc.blocks.filter((b) => !stored[b.id]);
  const placed: Record<string, Position> = {};
  for (const block of doc.blocks) {
    const position = stored[block.id];
    if (position) placed[block.id] = position;
  }
  if (missing.length === 0) return placed;
  const auto = autoLayout(doc);
  const taken = Object.values(placed);
  for (const block of missing) {
    let spot = auto[block.id] ?? { x: 0, y: 0 };
    while (taken.some((p) => overlaps(p, spot))) spot = { x: spot.x, y: spot.y + ROW_GAP };
    placed[block.id] = spot;
    taken.push(spot);
  }
  return placed;
}

/** The blocks that have no stored position yet, with where they are shown: recorded with a drag so they stay put. */
export function unstoredPositions(doc: FlowDocument, shown: Record<string, Position>): Record<string, Position> {
  const stored = doc.view?.positions ?? {};
  const result: Record<string, Position> = {};
  for (const block of doc.blocks) {
    const position = shown[block.id];
    if (!stored[block.id] && position) result[block.id] = position;
  }
  return result;
}

/**
 * The free spot nearest to `near` on a grid around it (one block apart), so a block added by double-click or Enter
 * never lands on top of another. Falls back to `near` itself when the whole neighbourhood is taken.
 */
export function freeSpotNear(near: Position, taken: readonly Position[]): Position {
  const stepX = BLOCK_BOX.width + 20;
  const stepY = BLOCK_BOX.height + 10;
  const candidates: Position[] = [];
  for (let col = -2; col <= 2; col++) {
    for (let row = -4; row <= 4; row++) candidates.push({ x: near.x + col * stepX, y: near.y + row * stepY });
  }
  const distance = (p: Position): number => Math.hypot(p.x - near.x, p.y - near.y);
  candidates.sort((a, b) => distance(a) - distance(b));
  return candidates.find((spot) => !taken.some((p) => overlaps(p, spot))) ?? near;
}
