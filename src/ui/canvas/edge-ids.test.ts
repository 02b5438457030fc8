import { describe, expect, it } from 'vitest';
import { edgeBetween, edgeFromConnection, edgeId, parseEdgeId } from './edge-ids';

const edge = (fb: string, fp: string, tb: string, tp: string) => ({ from: { block: fb, port: fp }, to: { block: tb, port: tp } });

describe('edge ids', () => {
  it('names a connection by its two ports', () => {
    expect(edgeId(edge('split', 'train', 'export_train', 'in'))).toBe('split.train->export_train.in');
  });

  it.each([
    edge('a', 'out', 'b', 'in'),
    edge('join-1', 'out', 'sql_2', 'my table'),
    // Port names with the separators in them still round-trip.
    edge('s', 'a.b->c', 't', '->.'),
    edge('s', 'héllo%', 't', 'in'),
  ])('parses back what it made: %j', (e) => {
    expect(parseEdgeId(edgeId(e))).toEqual(e);
  });

  it('gives different connections different ids', () => {
    const ids = [edge('a', 'out', 'b', 'in'), edge('a', 'out', 'b', 'left'), edge('a', 'train', 'b', 'in'), edge('c', 'out', 'b', 'in')].map(edgeId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(['', 'a->b', 'a.out', '.out->b.in', 'a.out->b.'])('rejects an id it did not make: %j', (id) => {
    expect(parseEdgeId(id)).toBeUndefined();
  });
});

describe('connections drawn on the canvas', () => {
  it('maps handles to ports', () => {
    expect(edgeFromConnection({ source: 'a', sourceHandle: 'out', target: 'j', targetHandle: 'left' })).toEqual(edge('a', 'out', 'j', 'left'));
  });

  it('ignores a line without a port at either end', () => {
    expect(edgeFromConnection({ source: 'a', sourceHandle: null, target: 'j', targetHandle: 'left' })).toBeUndefined();
    expect(edgeFromConnection({ source: 'a', sourceHandle: 'out', target: 'j' })).toBeUndefined();
  });

  it('orients a line drawn backwards, from an input to an output', () => {
    const input = { nodeId: 'j', id: 'right', type: 'target' as const };
    const output = { nodeId: 'a', id: 'out', type: 'source' as const };
    expect(edgeBetween(input, output)).toEqual(edge('a', 'out', 'j', 'right'));
    expect(edgeBetween(output, input)).toEqual(edge('a', 'out', 'j', 'right'));
    expect(edgeBetween(output, output)).toBeUndefined();
  });
});
