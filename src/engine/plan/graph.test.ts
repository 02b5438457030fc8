import { describe, expect, it } from 'vitest';
import { flowOf as flow, type Edge } from '../../testing/flow-of';
import { buildGraph, portKey } from './graph';

const imp = (id: string) => ({ id, kind: 'import', params: { input: id, file: `${id}.csv` } });
const formula = (id: string) => ({ id, kind: 'formula', params: { column: 'y', expression: '1' } });
const join = (id: string) => ({ id, kind: 'join', params: { type: 'inner', keys: [{ left: 'k', right: 'k' }] } });
const split = (id: string) => ({ id, kind: 'split', params: {} });

const order = (blocks: object[], edges: Edge[] = []) => buildGraph(flow(blocks, edges)).order.map((b) => b.id);

describe('buildGraph', () => {
  it('orders every block after its inputs, keeping declaration order among ready blocks', () => {
    // Declared downstream-first on purpose.
    const blocks = [join('j'), formula('f2'), formula('f1'), imp('b'), imp('a')];
    const edges: Edge[] = [
      ['a', 'out', 'f1', 'in'],
      ['b', 'out', 'f2', 'in'],
      ['f1', 'out', 'j', 'left'],
      ['f2', 'out', 'j', 'right'],
    ];
    expect(order(blocks, edges)).toEqual(['b', 'f2', 'a', 'f1', 'j']);
    // Stable: the same flow always gives the same order.
    for (let i = 0; i < 3; i++) expect(order(blocks, edges)).toEqual(['b', 'f2', 'a', 'f1', 'j']);
  });

  it('keeps independent blocks in declaration order', () => {
    expect(order([imp('z'), imp('a'), imp('m')])).toEqual(['z', 'a', 'm']);
  });

  it('records each input port and how many connections read each output', () => {
    const g = buildGraph(
      flow(
        [imp('a'), split('s'), formula('f'), formula('g'), formula('h')],
        [
          ['a', 'out', 's', 'in'],
          ['s', 'train', 'f', 'in'],
          ['s', 'train', 'g', 'in'],
          ['s', 'test', 'h', 'in'],
        ],
      ),
    );
    expect(g.inputsOf.get('f')).toEqual({ in: { block: 's', port: 'train' } });
    expect(g.inputsOf.get('a')).toEqual({});
    expect(g.readers.get(portKey({ block: 's', port: 'train' }))).toBe(2);
    expect(g.readers.get(portKey({ block: 's', port: 'test' }))).toBe(1);
    expect(g.byId.get('h')?.kind).toBe('formula');
  });

  it('a cycle is E_CYCLE naming the path', () => {
    const blocks = [imp('a'), formula('f'), formula('g'), join('j')];
    const edges: Edge[] = [
      ['a', 'out', 'j', 'left'],
      ['j', 'out', 'f', 'in'],
      ['f', 'out', 'g', 'in'],
      ['g', 'out', 'j', 'right'],
    ];
    expect(() => order(blocks, edges)).toThrow(expect.objectContaining({ code: 'E_CYCLE' }));
    expect(() => order(blocks, edges)).toThrow('The flow has a cycle: j → f → g → j.');
  });

  it('a block reading itself is a cycle', () => {
    expect(() => order([join('j'), imp('a')], [['a', 'out', 'j', 'left'], ['j', 'out', 'j', 'right']])).toThrow('cycle: j → j');
  });

  it.each([
    ['a missing source block', ['ghost', 'out', 'f', 'in'], 'block "ghost"'],
    ['a missing target block', ['a', 'out', 'ghost', 'in'], 'block "ghost"'],
    ['a missing output port', ['a', 'nope', 'f', 'in'], 'output "a.nope"'],
    ['a missing input port', ['a', 'out', 'f', 'nope'], 'input "f.nope"'],
    ['an input used as an output', ['f', 'in', 'f', 'in'], 'output "f.in"'],
  ] as [string, Edge, string][])('%s is E_DANGLING_EDGE', (_name, edge, names) => {
    const run = () => order([imp('a'), formula('f')], [edge]);
    expect(run).toThrow(expect.objectContaining({ code: 'E_DANGLING_EDGE' }));
    expect(run).toThrow(`refers to ${names}`);
  });

  it('a port of a split output that the params do not declare is dangling', () => {
    expect(() => order([imp('a'), split('s'), formula('f')], [['a', 'out', 's', 'in'], ['s', 'valid', 'f', 'in']])).toThrow(
      expect.objectContaining({ code: 'E_DANGLING_EDGE' }),
    );
  });

  it('two connections into one input is E_PORT_TAKEN for that block', () => {
    const run = () => order([imp('a'), imp('b'), formula('f')], [['a', 'out', 'f', 'in'], ['b', 'out', 'f', 'in']]);
    expect(run).toThrow(expect.objectContaining({ code: 'E_PORT_TAKEN', blockId: 'f' }));
    expect(run).toThrow('Input "in" has more than one connection.');
  });

  it('duplicate ids are E_DUPLICATE_ID', () => {
    expect(() => order([imp('a'), formula('a')])).toThrow(
      expect.objectContaining({ code: 'E_DUPLICATE_ID', message: 'Two blocks share the id "a". See $.blocks[1].id.' }),
    );
  });

  it('an unconnected input is not an error of the whole flow', () => {
    expect(order([imp('a'), join('j')], [['a', 'out', 'j', 'left']])).toEqual(['a', 'j']);
  });
});
