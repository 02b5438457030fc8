import { describe, expect, it } from 'vitest';
import { importBlock } from '../../../engine/blocks/import/definition';
import { isFlowFileName } from '../../shell/flow-file-name';
import { formatOfFileName, importParamsFor, inputNameFor, sniffDelimiter } from './import-files';

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a;b;c\n1,5;2;3\n4;5;6\n', ';'],
    ['a|b\n1|2\n', '|'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['name,"x;y"\n"a;b",2\n', ','],
    ['just one column\nvalue\n', ','],
    ['', ','],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it('ignores a last line cut short by the sample', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n4;5')).toBe(';');
  });
});

describe('inputNameFor', () => {
  it('makes a valid logical name from any file name, unique among the flow\'s inputs', () => {
    expect(inputNameFor('ratings.csv', new Set())).toBe('ratings');
    expect(inputNameFor('ratings.csv', new Set(['ratings']))).toBe('ratings_2');
    expect(inputNameFor('2024 sales (final).csv', new Set())).toBe('_2024_sales_final');
    expect(inputNameFor('日本.csv', new Set())).toBe('data');
    const long = inputNameFor(`${'x'.repeat(300)}.csv`, new Set());
    expect(importBlock.params.safeParse({ input: long, file: 'a.csv' }).success).toBe(true);
  });
});

describe('formats', () => {
  it('come from the extension, and a .flow.json is a flow', () => {
    expect(['a.csv', 'a.TSV', 'a.parquet', 'a.json', 'a.ndjson', 'a.xlsx'].map(formatOfFileName)).toEqual(['csv', 'tsv', 'parquet', 'json', 'jsonl', undefined]);
    expect(isFlowFileName('music.flow.json')).toBe(true);
    expect(isFlowFileName('music.json')).toBe(false);
  });

  it('give import params that pass the schema, with a sniffed delimiter', async () => {
    const params = await importParamsFor(new File(['a;b\n1;2\n'], 'sales data.csv'), new Set());
    expect(params).toEqual({ input: 'sales_data', file: 'sales data.csv', format: 'csv', csv: { delimiter: ';' }, sampling: { mode: 'none' } });
    expect(importBlock.params.safeParse(params).success).toBe(true);
    expect(await importParamsFor(new File(['x'], 'notes.docx'), new Set())).toBeUndefined();
  });
});
