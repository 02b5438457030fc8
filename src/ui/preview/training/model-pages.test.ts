import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { colourColumns, factorColumns, readColour, readCrosstab, readFactors, readJoinedColour } from './model-pages';

const columns = [
  { name: 'trackId', type: 'VARCHAR' },
  { name: 'bias', type: 'DOUBLE' },
  { name: 'f10', type: 'DOUBLE' },
  { name: 'f2', type: 'DOUBLE' },
  { name: 'f0', type: 'DOUBLE' },
  { name: 'f1', type: 'DOUBLE' },
];

describe('factor pages', () => {
  it('finds the factor columns in factor order, and offers the others to colour by', () => {
    expect(factorColumns(columns)).toEqual(['f0', 'f1', 'f2', 'f10']);
    expect(colourColumns(columns).map((c) => c.name)).toEqual(['trackId', 'bias']);
  });

  it('reads factors row by row (NULL as 0), ids as text, and a colour column', () => {
    const page = tableToIPC(
      tableFromArrays({ trackId: ['T1', 'T2'], bias: Float64Array.from([0.5, -0.5]), f0: [1, null], f1: Float64Array.from([2, 4]) }),
      'stream',
    );
    expect(readFactors(page, ['f0', 'f1'], 'trackId')).toEqual({ rows: 2, values: Float64Array.from([1, 2, 0, 4]), ids: ['T1', 'T2'] });
    expect(readColour(page, { name: 'bias', type: 'DOUBLE' })).toEqual({ kind: 'number', name: 'bias', values: [0.5, -0.5] });
    expect(readColour(page, { name: 'trackId', type: 'VARCHAR' })).toEqual({ kind: 'text', name: 'trackId', values: ['T1', 'T2'] });
  });

  it('lines a joined column up with the factor page by id, whatever order the engine answered in', () => {
    const numbers = tableToIPC(tableFromArrays({ key: ['T2', 'T1'], value: Float64Array.from([4.5, 3]) }), 'stream');
    expect(readJoinedColour(numbers, { name: 'Rating', type: 'BIGINT' }, ['T1', 'T2', 'T3'])).toEqual({ kind: 'number', name: 'Rating', values: [3, 4.5, null] });
    const text = tableToIPC(tableFromArrays({ key: ['T2', 'T1', 'T3'], value: ['Jazz', 'Rock', null] }), 'stream');
    expect(readJoinedColour(text, { name: 'genre', type: 'VARCHAR' }, ['T1', 'T2', 'T3'])).toEqual({ kind: 'text', name: 'genre', values: ['Rock', 'Jazz', null] });
  });

  it('reads an evaluate crosstab, skipping rows with a missing value', () => {
    const page = tableToIPC(tableFromArrays({ observed: [1, 2, null], predicted: [1, 3, 2], count: [BigInt(4), BigInt(1), BigInt(2)] }), 'stream');
    expect(readCrosstab(page)).toEqual([
      { observed: 1, predicted: 1, count: 4 },
      { observed: 2, predicted: 3, count: 1 },
    ]);
  });
});
