import type { Column } from '../../engine/blocks/contract';
import type { FlowBlock, FlowDocument } from '../../engine/flow/schema';
import { blockPorts } from '../../engine/plan/graph';
import type { BlockState } from '../../worker/engine-api';

/**
 * The columns arriving at each input port of a block: the output schema of whatever feeds that port, from the last
 * run. Empty for a port that is unconnected or whose upstream block has not run yet.
 */
export function upstreamColumns(doc: FlowDocument, runtime: Record<string, BlockState>, block: FlowBlock): Record<string, Column[]> {
  const columns: Record<string, Column[]> = {};
  for (const port of blockPorts(block).inputs) {
    const edge = doc.edges.find((e) => e.to.block === block.id && e.to.port === port);
    columns[port] = edge ? (runtime[edge.from.block]?.outputs[edge.from.port] ?? []) : [];
  }
  return columns;
}
