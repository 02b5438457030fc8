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
      animated: status === 'running',
      className: `flow-edge flow-edge--${status}`,
      ariaLabel: `Connection from ${edge.from.block} ${edge.from.port} to ${edge.to.block} ${edge.to.port}`,
    };
  });
}
