import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../engine/flow/schema';
import type { BlockState } from '../../worker/engine-api';
import { blockNodes, flowEdges, keepUnchanged, sameEdge, sameNode } from './flow-elements';

const doc = {
  format: 'wrangle-flow',
  version: 1,
  name: 'f',
  blocks: [
    { id: 'a', kind: 'import', params: { input: 'a', file: 'a.csv', format: 'csv' } },
    { id: 'b', kind: 'filter', params: { condition: 'x > 1' } },
  ],
  edges: [{ from: { block: 'a', port: 'out' }, to: { block: 'b', port: 'in' } }],
} as unknown as FlowDocument;
const positions = { a: { x: 0, y: 0 }, b: { x: 300, y: 0 } };
const state = (blockId: string, status: BlockState['status']): BlockState => ({ blockId, status, outputs: {} });

describe('keepUnchanged', () => {
  it("keeps the nodes and edges a block's new state does not touch, so only its own node re-renders", () => {
    const before: Record<string, BlockState> = { a: state('a', 'fresh'), b: state('b', 'running') };
    const after = { ...before, b: state('b', 'fresh') };
    const nodes = blockNodes(doc, positions, before, [], {});
    const next = keepUnchanged(nodes, blockNodes(doc, { a: { x: 0, y: 0 }, b: { x: 300, y: 0 } }, after, [], {}), sameNode);
    expect(next[0]).toBe(nodes[0]);
    expect(next[1]).not.toBe(nodes[1]);
    expect(next[1]?.data.state?.status).toBe('fresh');
    const edges = flowEdges(doc, before, new Set());
    // The edge is drawn from the state of the block it reads from, which did not change.
    expect(keepUnchanged(edges, flowEdges(doc, after, new Set()), sameEdge)).toBe(edges);
  });

  it('gives a new list when a node moved, was selected, or the flow has other blocks', () => {
    const runtime = { a: state('a', 'fresh') };
    const nodes = blockNodes(doc, positions, runtime, [], {});
    expect(keepUnchanged(nodes, blockNodes(doc, positions, runtime, [], {}), sameNode)).toBe(nodes);
    expect(keepUnchanged(nodes, blockNodes(doc, { ...positions, a: { x: 10, y: 0 } }, runtime, [], {}), sameNode)[0]).not.toBe(nodes[0]);
    expect(keepUnchanged(nodes, blockNodes(doc, positions, runtime, ['b'], {}), sameNode)[1]?.selected).toBe(true);
    const one = { ...doc, blocks: doc.blocks.slice(0, 1), edges: [] };
    expect(keepUnchanged(nodes, blockNodes(one, positions, runtime, [], {}), sameNode)).toEqual([nodes[0]]);
  });
});
