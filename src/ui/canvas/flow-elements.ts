import type { Edge, Node } from '@xyflow/react';
import { blockPorts } from '../../engine/plan/graph';
import type { FlowBlock, FlowDocument } from '../../engine/flow/schema';
import type { BlockState } from '../../worker/engine-api';
import type { Position } from '../state/store-types';
import { edgeId } from './edge-ids';

/** What a block node renders. A type alias, not an interface: React Flow wants node data to be a plain record. */
export type BlockNodeData = {
  block: FlowBlock;
  state: BlockState | undefined;
  inputs: string[];
  outputs: string[];
};

export type BlockFlowNode = Node<BlockNodeData, 'block'>;

export interface Size {
  width: number;
  height: number;
}

/**
 * The canvas nodes for the document. Sizes are the ones React Flow measured: a controlled node without them would
 * be measured again on every update and stay hidden meanwhile.
 */
export function blockNodes(
  doc: FlowDocument,
  positions: Record<string, Position>,
  runtime: Record<string, BlockState>,
  selection: readonly string[],
  measured: Record<string, Size>,
): BlockFlowNode[] {
  const selected = new Set(selection);
  return doc.blocks.map((block) => {
    const { inputs, outputs } = blockPorts(block);
    const size = measured[block.id];
    const node: BlockFlowNode = {
      id: block.id,
      type: 'block',
      position: positions[block.id] ?? { x: 0, y: 0 },
      data: { block, state: runtime[block.id], inputs, outputs },
      selected: selected.has(block.id),
      ariaLabel: `${block.label ?? block.id} (${block.kind})`,
    };
    if (size) node.measured = size;
    return node;
  });
}

/** The canvas edges: one per connection, styled by the state of the block it reads from. */
export function flowEdges(doc: FlowDocument, runtime: Record<string, BlockState>, selected: ReadonlySet<string>): Edge[] {
  return doc.edges.map((edge) => {
    const id = edgeId(edge);
    const status = runtime[edge.from.block]?.status ?? 'stale';
    return {
      id,
      source: edge.from.block,
      sourceHandle: edge.from.port,
      target: edge.to.block,
      targetHandle: edge.to.port,
      selected: selected.has(id),
      className: `flow-edge flow-edge--${status}`,
      ariaLabel: `Connection from ${edge.from.block} ${edge.from.port} to ${edge.to.block} ${edge.to.port}`,
    };
  });
}

/**
 * `next`, with each element that equals its previous version (by `same`) replaced by that version, or `previous`
 * itself when nothing changed. React Flow and the memoised node components then skip what did not change: a block's
 * new state re-renders its node, not every node of the flow.
 */
export function keepUnchanged<T extends { id: string }>(previous: T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  const before = new Map(previous.map((element) => [element.id, element]));
  let changed = previous.length !== next.length;
  const kept = next.map((element, i) => {
    const old = before.get(element.id);
    const reuse = old !== undefined && same(old, element);
    if (!reuse || previous[i] !== old) changed = true;
    return reuse ? old : element;
  });
  return changed ? kept : previous;
}

/** Two versions of a node that draw the same. */
export function sameNode(a: BlockFlowNode, b: BlockFlowNode): boolean {
  return (
    a.data.block === b.data.block &&
    a.data.state === b.data.state &&
    a.selected === b.selected &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height &&
    a.ariaLabel === b.ariaLabel
  );
}

/** Two versions of an edge that draw the same (flowEdges sets only plain values). */
export function sameEdge(a: Edge, b: Edge): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Edge)[]);
  return [...keys].every((key) => a[key] === b[key]);
}
