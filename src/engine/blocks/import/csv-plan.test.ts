import type { CsvReadReport } from './csv-report';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { parseFlow } from '../../flow/parse';
import { FlowExecutor } from '../../run/executor';
import { blockRegistry } from '../registry';
import { readCsvCall } from './csv-read';

let db: TestDb;
const path = (name: string) => join(db.dir, name);
const importOf = (file: string, extra: Record<string, unknown> = {}) => ({ kind: 'import' as const, params: { input: 'src', file, ...extra } });
const run = (file: string, extra: Record<string, unknown> = {}) => runBlock(db, importOf(file, extra), {}, { inputPaths: { src: path(file) } });
const flowOf = (file: string) => parseFlow({ format: 'wrangle-flow', version: 1, blocks: [{ id: 'src', ...importOf(file) }] });

beforeAll(async () => {
  db = await openTestDb();
  // 30,000 whole numbers and then one that is not: past what DuckDB's sniffer samples (20,480 rows).
  const late = ['id,amount', ...Array.from({ length: 30_000 }, (_, i) => `${i},${i * 3}`), '30000,n/a', '30001,7'].join('\n');
  writeFileSync(path('late-text.csv'), `${late}\n`);
  writeFileSync(path('ragged.csv'), 'id,name\n1,Ann\n2\n3,Cy\n4,Dan,extra\n5,Eve\n');
  writeFileSync(path('semicolon.csv'), 'id;name\n1;Ann\n2;Bob\n');
});
afterAll(() => db.close());

describe('the CSV read policy', () => {
  it('reads a column as text when a value past the sampled rows does not fit its type, and names the line', async () => {
    const r = await run('late-text.csv');
    const report = (r.source!.report as CsvReadReport);
    expect(report.textColumns).toEqual([expect.objectContaining({ column: 'amount', line: 30_002 })]);
    expect(report.notes).toContainEqual(expect.stringMatching(/Column "amount" is read as text: line 30002 has "n\/a", which is not a BIGINT/));
    const rows = await db.rows(`SELECT count(*) AS n, count(*) FILTER (WHERE amount = 'n/a') AS text FROM block_result`);
    expect(rows).toEqual([{ n: 30_002, text: 1 }]);
  });

  it('numbers rows by position among the rows kept when it repairs', async () => {
    const r = await run('ragged.csv', { rowNumber: 'position' });
    expect(r.outputs.out!.map((row) => [row.id, row.name, row.position])).toEqual([
      [1, 'Ann', 1],
      [2, null, 2],
      [3, 'Cy', 3],
      [5, 'Eve', 4],
    ]);
    expect((r.source!.report as CsvReadReport)).toMatchObject({ mode: 'repaired', padded: { count: 1, lines: [3] }, rejected: { count: 1, rows: [{ line: 5, text: '4,Dan,extra' }] } });
  });

  it('says so when the delimiter set on the block leaves every line one field', async () => {
    const r = await run('semicolon.csv', { csv: { delimiter: ',' } });
    expect(r.columns.out).toEqual(['id;name']);
    expect((r.source!.report as CsvReadReport).setByUser).toEqual(['delimiter']);
    expect((r.source!.report as CsvReadReport).notes).toContainEqual(expect.stringMatching(/each line is one field; the lines split into 2 fields on ";"/));
  });

  it('keeps the report with a cached result, and compiles a read with nothing left to detect', async () => {
    const executor = new FlowExecutor(db.runner);
    const inputs = { src: { path: path('ragged.csv'), fingerprint: 'ragged' } };
    const first = await executor.run(flowOf('ragged.csv'), { preset: 'inspect', inputs });
    const again = await executor.run(flowOf('ragged.csv'), { preset: 'inspect', inputs });
    expect(again.blocks[0]).toMatchObject({ cached: true, report: first.blocks[0]!.report });
    expect(first.blocks[0]!.sql).toContain("auto_detect = false, delim = ',', quote = '\"', escape = '\"', header = TRUE, skip = 0");
    expect(first.blocks[0]!.sql).toContain('ignore_errors = true, parallel = false, null_padding = true');
  });

  it('explains a malformed row met by a strict read (past the rows it checked) as E_CSV_BAD_ROWS with its line', async () => {
    const read = { delimiter: ',', quote: '"', escape: '"', header: true, skip: 0, columns: [{ name: 'id', type: 'BIGINT' }, { name: 'name', type: 'VARCHAR' }], encoding: 'utf-8' as const };
    const message = await db.rows(`SELECT * FROM ${readCsvCall(path('ragged.csv'), read)}`).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    const params = blockRegistry.import.params.parse(importOf('ragged.csv').params);
    const explained = blockRegistry.import.explainError!(message, params, {});
    expect(explained?.code).toBe('E_CSV_BAD_ROWS');
    expect(explained?.message).toMatch(/ragged\.csv\): line 3 is malformed: it has 1 fields where the header has 2/);
  });
});
