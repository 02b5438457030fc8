import { describe, expect, it } from 'vitest';
import { blockRegistry } from '../../engine/blocks/registry';
import { schemaDefault } from './defaults';

describe('schemaDefault', () => {
  it.each([
    ['join', 'type', {}, 'inner'],
    ['join', 'keys', {}, []],
    ['one-hot', 'maxLabels', { column: 'g' }, 100],
    ['one-hot', 'unknown', { column: 'g' }, 'ignore'],
    ['multi-hot', 'delimiter', { column: 'g' }, '|'],
    ['multi-hot', 'ignoreLabels', { column: 'g' }, ['(no genres listed)']],
    ['sql', 'inputs', { query: 'SELECT 1' }, ['df']],
    ['import', 'format', { input: 'a', file: 'a.csv' }, 'csv'],
    ['import', 'sampling', { input: 'a', file: 'a.csv' }, { mode: 'none' }],
    ['export', 'spreadsheetSafe', { file: 'a.csv' }, true],
    ['split', 'outputs.0.fraction', {}, undefined],
    ['split', 'orderBy.0.descending', {}, false],
    ['manage-rows', 'by.1.nulls', { op: 'sort', by: [] }, 'last'],
    ['manage-rows', 'seed', { op: 'shuffle' }, 42],
    ['manage-rows', 'keep', { op: 'drop-duplicates' }, 'any'],
    ['sample', 'seed', { mode: 'rows', rows: 5 }, 42],
    ['sample', 'keyColumns', { mode: 'fraction', fraction: 0.5 }, []],
    ['manage-columns', 'operations.0.onError', { operations: [{ op: 'cast', columns: ['a'], type: 'DATE' }] }, 'fail'],
  ] as const)('%s %s', (kind, path, params, expected) => {
    expect(schemaDefault(blockRegistry[kind].params, path, params)).toEqual(expected);
  });

  it('is undefined for fields without a default, and for paths that do not exist', () => {
    expect(schemaDefault(blockRegistry.formula.params, 'expression', {})).toBeUndefined();
    expect(schemaDefault(blockRegistry.scale.params, 'outputSuffix', {})).toBeUndefined();
    expect(schemaDefault(blockRegistry.join.params, 'nope.deeper', {})).toBeUndefined();
    expect(schemaDefault(blockRegistry.sample.params, 'column', { mode: 'first', rows: 3 })).toBeUndefined();
  });

  it('follows the union option the value is in', () => {
    const ops = { operations: [{ op: 'rename', from: 'a', to: 'b' }] };
    expect(schemaDefault(blockRegistry['manage-columns'].params, 'operations.0.onError', ops)).toBeUndefined();
  });
});
