import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFlow } from '../flow/parse';
import { flowOf as flow } from '../../testing/flow-of';
import { buildGraph } from '../plan/graph';
import { blockDefinition } from '../blocks/registry';
import { keepsAsTable } from './materialize-policy';

/** The blocks the CLI keeps as tables. */
function tables(doc: ReturnType<typeof parseFlow>): string[] {
  const graph = buildGraph(doc);
  return graph.order
    .filter((b) => keepsAsTable(graph, b, blockDefinition(b.kind).outputs(b.params).length > 1))
    .map((b) => b.id)
    .sort();
}

const csv = (id: string) => ({ id, kind: 'import', params: { input: id, file: `${id}.csv` } });
const parquet = (id: string) => ({ id, kind: 'import', params: { input: id, file: `${id}.parquet`, format: 'parquet' } });
const formula = (id: string) => ({ id, kind: 'formula', params: { column: `${id}_x`, expression: '1' } });
const exportOf = (id: string) => ({ id, kind: 'export', params: { file: `${id}.csv` } });
const join2 = { id: 'j', kind: 'join', params: { type: 'inner', keys: [{ left: 'k', right: 'k' }] } };

describe('which results the CLI keeps as tables', () => {
  it('the music flow: its CSV imports (they feed joins) and the model\'s split, not the branches that meet again at the users join', () => {
    const path = join(__dirname, '..', '..', '..', 'sample-data', 'flows', 'music-recommendation.flow.json');
    const doc = parseFlow(JSON.parse(readFileSync(path, 'utf8')));
    const kept = tables(doc);
    // The workshop's split feeds one export per port, so each export computes it; the model's split feeds the model.
    expect(kept).toEqual(expect.arrayContaining(['ratings', 'tracks', 'als_split']));
    expect(kept).not.toContain('split');
    expect(kept).not.toContain('join_tracks');
    expect(kept).not.toContain('five_star_avg');
    expect(kept).not.toContain('drop_ids');
  });

  it('a result two exports read is a table: each export is a query of its own', () => {
    const doc = flow(
      [csv('a'), formula('f'), exportOf('e1'), exportOf('e2')],
      [
        ['a', 'out', 'f', 'in'],
        ['f', 'out', 'e1', 'in'],
        ['f', 'out', 'e2', 'in'],
      ],
    );
    expect(tables(doc)).toEqual(['f']);
    // Readers that lead nowhere run no query: nothing reads the result twice.
    const deadEnds = flow(
      [csv('a'), formula('f'), formula('g'), formula('h'), exportOf('e')],
      [
        ['a', 'out', 'f', 'in'],
        ['f', 'out', 'g', 'in'],
        ['f', 'out', 'h', 'in'],
        ['f', 'out', 'e', 'in'],
      ],
    );
    expect(tables(deadEnds)).toEqual([]);
  });

  it('a CSV import that only flows into an export stays a view; one that reaches a join is a table; Parquet never needs it', () => {
    const doc = flow(
      [csv('a'), csv('b'), parquet('p'), formula('f'), join2, exportOf('e1'), exportOf('e2'), exportOf('e3')],
      [
        ['a', 'out', 'e1', 'in'],
        ['b', 'out', 'f', 'in'],
        ['f', 'out', 'j', 'left'],
        ['p', 'out', 'j', 'right'],
        ['j', 'out', 'e2', 'in'],
      ],
    );
    expect(tables(doc)).toEqual(['b']);
  });

  it('a result read twice whose readers meet again is a view; read by a model, whose several queries would recompute it, a table', () => {
    const meet = flow(
      [csv('a'), formula('f'), formula('g'), formula('h'), { ...join2, id: 'j' }, exportOf('e')],
      [
        ['a', 'out', 'f', 'in'],
        ['f', 'out', 'g', 'in'],
        ['f', 'out', 'h', 'in'],
        ['g', 'out', 'j', 'left'],
        ['h', 'out', 'j', 'right'],
        ['j', 'out', 'e', 'in'],
      ],
    );
    expect(tables(meet)).toEqual(['a']);
    const train = { id: 't', kind: 'train-als', params: { userColumn: 'u', itemColumn: 'i', ratingColumn: 'r', validate: true } };
    const model = flow(
      [parquet('p'), formula('f'), train],
      [
        ['p', 'out', 'f', 'in'],
        ['f', 'out', 't', 'ratings'],
        ['f', 'out', 't', 'validation'],
      ],
    );
    expect(tables(model)).toContain('f');
  });

  it('a randomized split that feeds one export per port stays a view; one that ranks rows, or feeds a port twice or a model, is a table', () => {
    const split = (id: string, params: Record<string, unknown> = {}) => ({ id, kind: 'split', params: { keyColumns: ['k'], ...params } });
    const wiring = (id: string, readers: [string, string][]): [string, string, string, string][] => [
      ['p', 'out', id, 'in'],
      ...readers.map(([port, to]): [string, string, string, string] => [id, port, to, 'in']),
    ];
    const perRow = flow([parquet('p'), split('s'), exportOf('e1'), exportOf('e2')], wiring('s', [['train', 'e1'], ['test', 'e2']]));
    expect(tables(perRow)).toEqual([]);
    const ordered = flow([parquet('p'), split('s', { method: 'ordered', orderBy: [{ column: 'k' }] }), exportOf('e1'), exportOf('e2')], wiring('s', [['train', 'e1'], ['test', 'e2']]));
    expect(tables(ordered)).toEqual(['s']);
    const portTwice = flow([parquet('p'), split('s'), exportOf('e1'), exportOf('e2'), exportOf('e3')], wiring('s', [['train', 'e1'], ['train', 'e2'], ['test', 'e3']]));
    expect(tables(portTwice)).toEqual(['s']);
    const train = { id: 't', kind: 'train-als', params: { userColumn: 'u', itemColumn: 'i', ratingColumn: 'r' } };
    const model = flow([parquet('p'), split('s'), train, exportOf('e2')], [...wiring('s', [['test', 'e2']]), ['s', 'train', 't', 'ratings']]);
    expect(tables(model)).toContain('s');
  });

  it('a CSV import that feeds a split is a table, so a split kept as a view does not parse the file once per port', () => {
    const doc = flow([csv('a'), { id: 's', kind: 'split', params: {} }, exportOf('e1'), exportOf('e2')], [
      ['a', 'out', 's', 'in'],
      ['s', 'train', 'e1', 'in'],
      ['s', 'test', 'e2', 'in'],
    ]);
    expect(tables(doc)).toEqual(['a']);
  });

  it('a randomized split stays a table when a block above it may give other rows on another read', () => {
    const wired = (above: Record<string, unknown>, port = 'in') =>
      flow([parquet('p'), above, { id: 's', kind: 'split', params: {} }, exportOf('e1'), exportOf('e2')], [
        ['p', 'out', 'x', port],
        ['x', 'out', 's', 'in'],
        ['s', 'train', 'e1', 'in'],
        ['s', 'test', 'e2', 'in'],
      ]);
    const formulaOf = (expression: string) => ({ id: 'x', kind: 'formula', params: { column: 'y', expression } });
    // Each export computes the split again: a random draw, a clock or a window over ties could put a row in both parts.
    expect(tables(wired(formulaOf('a * 2')))).toEqual([]);
    expect(tables(wired(formulaOf('RANDOM() < 0.5')))).toEqual(['s']);
    expect(tables(wired(formulaOf('epoch(now())')))).toEqual(['s']);
    expect(tables(wired(formulaOf('row_number() OVER ()')))).toEqual(['s']);
    expect(tables(wired({ id: 'x', kind: 'sql', params: { query: 'SELECT * FROM df LIMIT 10', inputs: ['df'] } }, 'df'))).toEqual(['s']);
    expect(tables(wired({ id: 'x', kind: 'sample', params: { mode: 'first', rows: 10 } }))).toEqual(['s']);
    expect(tables(wired({ id: 'x', kind: 'sample', params: { mode: 'fraction', fraction: 0.5 } }))).toEqual([]);
  });
});
