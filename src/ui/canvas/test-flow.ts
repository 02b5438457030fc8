import { parseFlow } from '../../engine/flow/parse';
import type { FlowDocument } from '../../engine/flow/schema';

/** Test support: a flow from plain blocks and edges written as [fromBlock, fromPort, toBlock, toPort]. */
export type EdgeTuple = [string, string, string, string];

export const importBlock = (id: string) => ({ id, kind: 'import', params: { input: id, file: `${id}.csv` } });
export const formulaBlock = (id: string) => ({ id, kind: 'formula', params: { column: 'y', expression: '1' } });
export const joinBlock = (id: string) => ({ id, kind: 'join', params: { type: 'inner', keys: [{ left: 'k', right: 'k' }] } });
export const splitBlock = (id: string) => ({ id, kind: 'split', params: {} });

export function testFlow(blocks: object[], edges: EdgeTuple[] = [], positions?: Record<string, { x: number; y: number }>): FlowDocument {
  return parseFlow({
    format: 'wrangle-flow',
    version: 1,
    blocks,
    edges: edges.map(([fb, fp, tb, tp]) => ({ from: { block: fb, port: fp }, to: { block: tb, port: tp } })),
    ...(positions ? { view: { positions } } : {}),
  });
}
