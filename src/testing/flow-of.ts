import { parseFlow } from '../engine/flow/parse';
import type { FlowDocument } from '../engine/flow/schema';

/** A connection written as [fromBlock, fromPort, toBlock, toPort]. */
export type Edge = [string, string, string, string];

/** Parses a flow made of plain objects: what a test writes in a line per block and per connection. */
export function flowOf(blocks: object[], edges: Edge[] = []): FlowDocument {
  return parseFlow({
    format: 'wrangle-flow',
    version: 1,
    blocks,
    edges: edges.map(([fb, fp, tb, tp]) => ({ from: { block: fb, port: fp }, to: { block: tb, port: tp } })),
  });
}
