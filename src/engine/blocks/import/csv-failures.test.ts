/**
 * The failure classes of issue 16, one test each: files that read wrong or failed before (a header only, several
 * tables, other quote characters, a stray quote, space and comma-space delimiters, cells a type would rewrite), the
 * specific import errors, and files that are not tables. On native DuckDB through the block harness; the generated
 * polluted corpus (src/worker/polluted-corpus.test.ts) runs the same classes through both engines.
 */
import type { CsvReadReport } from './csv-report';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { isWrangleError } from '../../errors/catalog';
import { binaryContent, textContent } from '../../inputs/content-kind';

let db: TestDb;
const write = (name: string, text: string | Uint8Array) => writeFileSync(join(db.dir, name), text);
const run = (file: string, csv: Record<string, unknown> = {}) => runBlock(db, { kind: 'import', params: { input: 'src', file, csv } }, {}, { inputPaths: { src: join(db.dir, file) } });
const report = (r: Awaited<ReturnType<typeof run>>) => r.source!.report as CsvReadReport;
async function failure(file: string, csv: Record<string, unknown> = {}): Promise<{ code: string; message: string }> {
  try {
    await run(file, csv);
  } catch (e) {
    if (isWrangleError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${file} imported`);
}

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('failure classes', () => {
  it('reads a header-only file as a table with zero rows', async () => {
    write('header.csv', 'userId,movieId,rating\n');
    const r = await run('header.csv');
    expect(r.columns.out).toEqual(['userId', 'movieId', 'rating']);
    expect(r.outputs.out).toEqual([]);
  });

  it('reads the first of two tables, and says where the second starts and how to import it', async () => {
    write('two.csv', 'id,name,score\n1,Ann,1.5\n2,Bob,2.5\n\nkey,value\nsource,shop\nversion,3\nrows,2\nby,me\n');
    const r = await run('two.csv');
    expect(r.columns.out).toEqual(['id', 'name', 'score']);
    expect(r.outputs.out).toEqual([{ id: 1, name: 'Ann', score: 1.5 }, { id: 2, name: 'Bob', score: 2.5 }]);
    expect(report(r).moreTables).toEqual([{ line: 5, fields: 2, text: 'key,value', skipRows: 4 }]);
    expect(report(r).notes).toContainEqual(expect.stringMatching(/^Line 5 starts another table .*csv\.skipRows: 4/));
    const second = await run('two.csv', { skipRows: 4 });
    expect(second.columns.out).toEqual(['key', 'value']);
    expect(second.outputs.out).toHaveLength(4);
  });

  it('finds a second table with as many columns: a blank line, then a header-like row', async () => {
    write('same.csv', 'id,name,score\n1,Ann,1.5\n2,Bob,2.5\n3,Cy,3.5\n\nkey,value,note\nsource,shop,x\nversion,3,y\n');
    const r = await run('same.csv');
    expect(r.outputs.out).toEqual([{ id: 1, name: 'Ann', score: 1.5 }, { id: 2, name: 'Bob', score: 2.5 }, { id: 3, name: 'Cy', score: 3.5 }]);
    expect(report(r).moreTables).toEqual([{ line: 6, fields: 3, text: 'key,value,note', skipRows: 5 }]);
    const second = await run('same.csv', { skipRows: 5 });
    expect(second.columns.out).toEqual(['key', 'value', 'note']);
    expect(second.outputs.out).toHaveLength(2);
  });

  it('keeps reading rows after a blank line when they are data, not another table', async () => {
    write('gap.csv', 'id,name,score\n1,Ann,1.5\n2,Bob,2.5\n\n3,Cy,3.5\n4,Dee,4.5\n');
    const r = await run('gap.csv');
    expect(r.outputs.out).toHaveLength(4);
    expect(report(r).moreTables).toBeUndefined();
  });

  const longTable = (n: number) => ['id,name,score', ...Array.from({ length: n }, (_, i) => `${i + 1},name ${i + 1},${(i + 1) / 2}`)].join('\n');
  it.each([
    ['with fewer columns', '\nkey,value\nsource,shop\nversion,3\n', 2, 'key,value'],
    ['with as many columns', '\nkey,value,note\nsource,shop,x\nversion,3,y\n', 3, 'key,value,note'],
  ])('finds a second table %s past the first 200 lines', async (_, tail, fields, text) => {
    write('long.csv', `${longTable(400)}\n${tail}`);
    const r = await run('long.csv');
    expect(r.outputs.out).toHaveLength(400);
    expect(r.outputs.out![399]).toEqual({ id: 400, name: 'name 400', score: 200 });
    expect(report(r).moreTables).toEqual([{ line: 403, fields, text, skipRows: 402 }]);
    const second = await run('long.csv', { skipRows: 402 });
    expect(second.outputs.out).toHaveLength(2);
  });

  it.each([
    ['single quotes', "id,name,city\n1,'Smith, John',Leeds\n2,'Doe, Jane',York\n3,Lee,Bath\n", { name: 'Smith, John' }],
    ['a stray quote in the first data row', 'id,name,n\n1,Ann 5\'11" tall,5\n2,Bob,6\n3,Cy,7\n', { name: 'Ann 5\'11" tall' }],
    ['a space delimiter', 'id name score\n1 Ann 1.5\n2 Bob 2.5\n3 Cy 3.5\n', { name: 'Ann', score: 1.5 }],
    ['a comma-space delimiter', 'id, name, score\n1, Ann, 1.5\n2, "Lee, Bob", 2.5\n3, Cy, 3.5\n', { name: 'Ann', score: 1.5 }],
    ['a delimiter ending every line', 'id,name,score,\n1,Ann,1.5,\n2,Bob,2.5,\n', { name: 'Ann', score: 1.5 }],
  ])('reads %s cell for cell', async (_, text, first) => {
    write('case.csv', text);
    const r = await run('case.csv');
    expect(r.columns.out).toEqual(Object.keys({ id: 0, ...first, ...(r.columns.out!.includes('city') ? { city: 0 } : {}), ...(r.columns.out!.includes('n') ? { n: 0 } : {}), ...(r.columns.out!.includes('score') ? { score: 0 } : {}) }));
    expect(r.outputs.out![0]).toMatchObject({ id: 1, ...first });
  });

  it('imports a MovieLens-shaped timestamp as an integer', async () => {
    write('ratings.csv', 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n2,6,3.5,1493850091\n');
    const r = await runBlock(db, { kind: 'import', params: { input: 'src', file: 'ratings.csv' } }, {}, { inputPaths: { src: join(db.dir, 'ratings.csv') } });
    const types = await db.rows(`DESCRIBE ${r.select}`);
    expect(types.map((t) => [t.column_name, t.column_type])).toEqual([['userId', 'BIGINT'], ['movieId', 'BIGINT'], ['rating', 'DOUBLE'], ['timestamp', 'BIGINT']]);
  });

  it('keeps as written what a type would change, and says why each column stayed text', async () => {
    write('orders.csv', 'id,zip,day,at,price,iso\n1,00123,28/01/2018,14:05,$1.50,2018-01-28\n2,02134,13/02/2018,09:30,$12.00,2018-02-13\n');
    const r = await run('orders.csv');
    expect(r.outputs.out![0]).toEqual({ id: 1, zip: '00123', day: '28/01/2018', at: '14:05', price: '$1.50', iso: expect.anything() });
    const why = report(r).textColumns.map((t) => t.column);
    expect(why).toEqual(['zip', 'day', 'at', 'price']);
    expect(report(r).notes).toContainEqual(expect.stringMatching(/"day" stays text.*DD\/MM\/YYYY.*csv\.dateFormat: "%d\/%m\/%Y"/));
    expect(report(r).notes).toContainEqual(expect.stringMatching(/"at" stays text.*HH:MM/));
    const chosen = await run('orders.csv', { dateFormat: '%d/%m/%Y' });
    expect(String(chosen.outputs.out![0]!.day)).toBe('2018-01-28');
  });
});

describe('specific import errors', () => {
  it.each([
    ['a NUL byte', 'nul.csv', 'id,name\n1,Ann\n2,B\u0000b\n3,Cy\n', {}, 'E_CSV_NUL_BYTE', ['line 3', 'NUL']],
    ['an unterminated quote', 'open.csv', 'id,name\n1,"Ann\n2,Bob\n', {}, 'E_CSV_UNTERMINATED_QUOTE', ['line 2', 'csv.quote']],
    ['a line over the maximum size', 'long.csv', `id,text\n1,short\n2,${'x'.repeat(3000)}\n`, { maxLineSize: 1024 }, 'E_CSV_LINE_TOO_LONG', ['line 3', 'csv.maxLineSize']],
    ['an undecodable byte', 'bytes.csv', Uint8Array.from([...Buffer.from('id,name\n1,Ann\n2,'), 0x80, ...Buffer.from('uro\n')]), { encoding: 'latin-1' }, 'E_CSV_ENCODING', ['line 3', 'csv.encoding']],
  ])('%s has its own code, names the file and the line', async (_, file, text, csv, code, mentions) => {
    write(file, text);
    const e = await failure(file, csv);
    expect(e.code).toBe(code);
    expect(e.message).toContain(`(${file})`);
    for (const m of mentions) expect(e.message).toContain(m);
    expect(e.message).not.toContain(db.dir);
  });
});

describe('files that are not tables', () => {
  it.each([
    ['JSON', 'data.json.csv', '[\n  {"a": 1, "b": "x"},\n  {"a": 2, "b": "y"}\n]\n', /JSON.*format: "json"/],
    ['JSON Lines', 'lines.csv', '{"a": 1, "b": "x"}\n{"a": 2, "b": "y"}\n', /JSON Lines.*format: "jsonl"/],
    ['HTML', 'page.csv', '<!DOCTYPE html>\n<html><body><table><tr><td>1</td></tr></table></body></html>\n', /an HTML page/],
    ['XML', 'data.xml.csv', '<?xml version="1.0"?>\n<rows>\n  <row a="1"/>\n</rows>\n', /XML/],
  ])('refuses %s with E_NOT_A_TABLE, naming what it looks like', async (_, file, text, says) => {
    write(file, text);
    const e = await failure(file);
    expect(e.code).toBe('E_NOT_A_TABLE');
    expect(e.message).toMatch(says);
    expect(e.message).toContain(`(${file})`);
  });

  it('knows images, archives and binary data from their first bytes, and leaves text and UTF-16 alone', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(binaryContent(png, false)?.looksLike).toBe('a PNG image');
    expect(binaryContent(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), false)?.looksLike).toMatch(/ZIP/);
    expect(binaryContent(Uint8Array.from(Array.from({ length: 64 }, (_, i) => (i * 7) % 32)), false)?.looksLike).toMatch(/binary/);
    expect(binaryContent(new TextEncoder().encode('a,b\n1,2\n'), false)).toBeUndefined();
    expect(binaryContent(Uint8Array.from([0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0]), true)).toBeUndefined();
    expect(textContent(['id,name', '1,"{x}"'])).toBeUndefined();
    expect(textContent(['[1,2]', 'x'])?.looksLike).toBe('JSON');
  });
});
