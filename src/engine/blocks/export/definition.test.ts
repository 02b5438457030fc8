import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { blockRegistry } from '../registry';
import { copyOptions } from './definition';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(
    `CREATE TABLE t AS SELECT * FROM (VALUES
       (1, '=SUM(A1)', -5), (2, '+1', 3), (3, '-2', 0), (4, '@cmd', 1), (5, chr(9) || 'tab', 2), (6, chr(13) || 'cr', 4),
       (7, 'plain', 5), (8, 'a=b', 6), (9, NULL, -1)) v(id, cell, n)`,
  );
});
afterAll(() => db.close());

const exportBlock = (params: Record<string, unknown> = {}) => ({ kind: 'export' as const, params: { file: 'e.csv', ...params } });

/** Runs the export as the executor does: COPY of the block's SELECT with its options, then reads the file back. */
async function exportText(params: Record<string, unknown> = {}, table = 't'): Promise<string> {
  const def = blockRegistry.export;
  const p = def.params.parse({ file: 'e.csv', ...params });
  const r = await runBlock(db, exportBlock(params), { in: table });
  const file = join(db.dir, p.file);
  await db.sql(`COPY (${r.select}) TO '${file}' (${copyOptions(p)})`);
  return readFileSync(file, 'utf8');
}

describe('export', () => {
  it('makes text cells that a spreadsheet would evaluate safe with a leading quote', async () => {
    const r = await runBlock(db, exportBlock(), { in: 't' });
    expect(r.outputs.out!.map((row) => row.cell)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\ttab", "'\rcr", 'plain', 'a=b', null]);
    // Numbers are not text: -5 stays a number.
    expect(r.outputs.out![0]).toMatchObject({ id: 1, n: -5 });
    expect(r.columns.out).toEqual(['id', 'cell', 'n']);
  });

  it('writes the safe cells to the CSV file', async () => {
    const text = await exportText();
    const lines = text.split('\n');
    expect(lines[0]).toBe('id,cell,n');
    expect(lines[1]).toBe(`1,'=SUM(A1),-5`);
    expect(lines[2]).toBe(`2,'+1,3`);
    expect(lines[4]).toBe(`4,'@cmd,1`);
    expect(text).toContain(`5,'\ttab,2`);
    expect(text).toContain('7,plain,5');
    expect(text).toContain('8,a=b,6');
  });

  it('spreadsheetSafe: false leaves cells as they are', async () => {
    const r = await runBlock(db, exportBlock({ spreadsheetSafe: false }), { in: 't' });
    expect(r.outputs.out!.map((row) => row.cell).slice(0, 4)).toEqual(['=SUM(A1)', '+1', '-2', '@cmd']);
    const text = await exportText({ spreadsheetSafe: false });
    expect(text.split('\n')[1]).toBe('1,=SUM(A1),-5');
  });

  it('order all sorts by every column, whatever the input order', async () => {
    await db.sql(`CREATE TABLE shuffled AS SELECT * FROM (VALUES (3, 'c'), (1, 'b'), (2, 'a'), (1, 'a')) v(k, s)`);
    const text = await exportText({ order: 'all' }, 'shuffled');
    expect(text).toBe('k,s\n1,a\n1,b\n2,a\n3,c\n');
  });

  it('writes a CSV without header and with another delimiter', async () => {
    await db.sql(`CREATE TABLE small AS SELECT * FROM (VALUES (1, 'x'), (2, 'y')) v(k, s)`);
    const text = await exportText({ header: false, delimiter: ';' }, 'small');
    expect(text).toBe('1;x\n2;y\n');
  });

  it.each([
    ['parquet', 'e.parquet', `read_parquet`],
    ['json', 'e.json', `read_json`],
  ])('writes %s that reads back the same rows', async (format, file, reader) => {
    await db.sql(`CREATE OR REPLACE TABLE small2 AS SELECT * FROM (VALUES (1, '=x'), (2, 'y')) v(k, s)`);
    await exportText({ format, file }, 'small2');
    // Only CSV is made spreadsheet-safe.
    expect(await db.rows(`SELECT * FROM ${reader}('${join(db.dir, file)}') ORDER BY k`)).toEqual([
      { k: 1, s: '=x' },
      { k: 2, s: 'y' },
    ]);
  });

  it.each([
    [{ format: 'csv', header: true, delimiter: ',' }, `FORMAT csv, HEADER true, DELIMITER ','`],
    [{ format: 'csv', header: false, delimiter: "'" }, `FORMAT csv, HEADER false, DELIMITER ''''`],
    [{ format: 'parquet', header: true, delimiter: ',' }, 'FORMAT parquet'],
    [{ format: 'json', header: true, delimiter: ',' }, 'FORMAT json'],
  ] as const)('copyOptions(%j)', (p, expected) => {
    expect(copyOptions(p)).toBe(expected);
  });

  it('declares a sink with the file name and no output ports', async () => {
    const def = blockRegistry.export;
    const p = def.params.parse({ file: 'out.csv' });
    expect(def.outputs(p)).toEqual([]);
    const compiled = def.compile({ blockId: 'b', params: p, inputs: { in: { ref: 't', columns: [] } }, fitted: undefined, files: { inputPath: (n) => n } });
    expect(compiled.sink).toEqual({ format: 'csv', fileName: 'out.csv', copyOptions: `FORMAT csv, HEADER true, DELIMITER ','` });
  });

  it.each(['../e.csv', '/tmp/e.csv', 'sub/e.csv'])('refuses the file name %j', (file) => {
    expect(blockRegistry.export.params.safeParse({ file }).success).toBe(false);
  });
});

describe('the raw CSV export round-trips', () => {
  it('export without spreadsheet safety, import the file, and get the same table back', async () => {
    await db.sql(
      `CREATE TABLE tricky AS SELECT * FROM (VALUES
         ('007', 'say "hi", then leave', -5.25, '=1+2'),
         ('010', 'two' || chr(10) || 'lines', 0.1, '-5'),
         ('011', '', 1e-7, NULL),
         ('012', NULL, -0.0, 'naïve ☕ ; -- ''quoted'''),
         ('013', '  spaced  ', 123456789.125, '@x')) v(code, note, amount, formula)`,
    );
    await exportText({ file: 'raw.csv', spreadsheetSafe: false }, 'tricky');
    const back = await runBlock(
      db,
      { kind: 'import', params: { input: 'raw', file: 'raw.csv', csv: { textColumns: ['code'] } } },
      {},
      { inputPaths: { raw: join(db.dir, 'raw.csv') }, orderBy: 'all' },
    );
    const original = await db.rows('SELECT * FROM tricky ORDER BY ALL');
    expect(back.columns.out).toEqual(['code', 'note', 'amount', 'formula']);
    // Every cell as it went in: leading zeros, quotes, commas, a line break, the empty string apart from NULL, -0.0.
    expect(back.outputs.out).toEqual(original);
  });
});
