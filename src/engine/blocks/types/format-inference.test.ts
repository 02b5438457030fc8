/** The types block reads text written in a format (dates not in ISO form, times, currency) on real DuckDB. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE written AS SELECT * FROM (VALUES
    (1, '28/01/2018', '01/28/2018', '28.01.2018', '2018/01/28', '14:05',  '14:05:09', '2:05 PM',  '28/01/2018 14:05', '$1,234.50', '03/04/2018', '28/01/2018', '28 Jan 2018'),
    (2, '3/2/2018',   '2/3/2018',   '03.02.2018', '2018/2/3',   '09:30',  '09:30:00', '12:30 am', '3/2/2018 09:30',   '€12',       '04/03/2018', 'soon',       '3 Feb 2018'),
    (3, '',           NULL,         NULL,         NULL,         NULL,     NULL,       '11:59 AM', NULL,               '-$0.99',    NULL,         NULL,         NULL)
  ) v(id, dmy, mdy, dotted, ymd, hm, hms, ampm, dmy_hm, price, ambiguous, mixed, named)`);
});
afterAll(() => db.close());

const types = (params: Record<string, unknown> = {}, fitted?: unknown) => ({ kind: 'types' as const, params, ...(fitted !== undefined ? { fitted } : {}) });
const column = (rows: Record<string, unknown>[] | undefined, name: string) => rows!.map((r) => r[name]);
async function typesOf(): Promise<Record<string, string>> {
  const rows = await db.rows(`DESCRIBE block_result`);
  return Object.fromEntries(rows.map((r) => [String(r.column_name), String(r.column_type)]));
}

describe('types: formats inferred from the values', () => {
  it('infers each column’s format; day-first or month-first from a part over 12; an all-≤12 column is ambiguous', async () => {
    const r = await runBlock(db, types(), { in: 'written' });
    expect(r.fitted).toEqual({
      schema: { id: 'INTEGER', dmy: 'DATE', mdy: 'DATE', dotted: 'DATE', ymd: 'DATE', hm: 'TIME', hms: 'TIME', ampm: 'TIME', dmy_hm: 'TIMESTAMP', price: 'DOUBLE', ambiguous: 'DATE', mixed: 'VARCHAR', named: 'DATE' },
      formats: { dmy: 'DD/MM/YYYY', mdy: 'MM/DD/YYYY', dotted: 'DD.MM.YYYY', ymd: 'YYYY/MM/DD', hm: 'HH:MM', hms: 'HH:MM:SS', ampm: 'hh:MM AM', dmy_hm: 'DD/MM/YYYY HH:MM', price: 'currency', ambiguous: 'DD/MM/YYYY', named: 'DD MMM YYYY' },
      ambiguous: ['ambiguous'],
    });
  });

  it('converts with the inferred formats; blanks become NULL', async () => {
    const r = await runBlock(db, types(), { in: 'written' }, { orderBy: 'all' });
    const out = r.outputs.out;
    expect(column(out, 'dmy')).toEqual(['2018-01-28', '2018-02-03', null]);
    expect(column(out, 'mdy')).toEqual(['2018-01-28', '2018-02-03', null]);
    expect(column(out, 'dotted')).toEqual(['2018-01-28', '2018-02-03', null]);
    expect(column(out, 'ymd')).toEqual(['2018-01-28', '2018-02-03', null]);
    expect(column(out, 'named')).toEqual(['2018-01-28', '2018-02-03', null]);
    expect(column(out, 'hm')).toEqual(['14:05:00', '09:30:00', null]);
    expect(column(out, 'hms')).toEqual(['14:05:09', '09:30:00', null]);
    expect(column(out, 'ampm')).toEqual(['14:05:00', '00:30:00', '11:59:00']);
    expect(column(out, 'dmy_hm')).toEqual(['2018-01-28 14:05:00', '2018-02-03 09:30:00', null]);
    expect(column(out, 'price')).toEqual([1234.5, 12, -0.99]);
    expect(column(out, 'ambiguous')).toEqual(['2018-04-03', '2018-03-04', null]);
    expect(column(out, 'mixed')).toEqual(['28/01/2018', 'soon', null]);
    expect(await typesOf()).toMatchObject({ dmy: 'DATE', hm: 'TIME', dmy_hm: 'TIMESTAMP', price: 'DOUBLE', mixed: 'VARCHAR' });
  });

  it('a format set on the block wins: the ambiguous column read month-first, the mixed one as dates', async () => {
    const r = await runBlock(db, types({ formats: { ambiguous: 'MM/DD/YYYY', mixed: 'DD/MM/YYYY' } }), { in: 'written' }, { orderBy: 'all' });
    expect(column(r.outputs.out, 'ambiguous')).toEqual(['2018-03-04', '2018-04-03', null]);
    expect(column(r.outputs.out, 'mixed')).toEqual(['2018-01-28', null, null]);
    expect((r.fitted as { formats: object }).formats).not.toHaveProperty('ambiguous');
  });

  it('a date format with TIMESTAMP gives midnight; currency with BIGINT rounds', async () => {
    const r = await runBlock(db, types({ columns: { dmy: 'TIMESTAMP', price: 'BIGINT' } }), { in: 'written' }, { orderBy: 'all' });
    expect(column(r.outputs.out, 'dmy')).toEqual(['2018-01-28 00:00:00', '2018-02-03 00:00:00', null]);
    expect(column(r.outputs.out, 'price')).toEqual([1235, 12, -1]);
  });

  it('text set to stay text keeps its values as written', async () => {
    const r = await runBlock(db, types({ columns: { dmy: 'VARCHAR' } }), { in: 'written' }, { orderBy: 'all' });
    expect(column(r.outputs.out, 'dmy')).toEqual(['28/01/2018', '3/2/2018', '']);
  });

  it('onError fail stops on a value that is not in the format, naming the column, value and format', async () => {
    await expect(runBlock(db, types({ formats: { mixed: 'DD/MM/YYYY' }, onError: 'fail' }), { in: 'written' })).rejects.toMatchObject({
      message: expect.stringContaining('Column "mixed": "soon" is not DD/MM/YYYY'),
    });
  });

  it.each([
    [{ formats: { dmy: 'DD/MM/YYYYY' } }, /column "dmy" \(DD\/MM\/YYYYY\).*not a format/],
    [{ formats: { hm: 'HH:MM' }, columns: { hm: 'DATE' } }, /column "hm".*a time format cannot make a DATE column/],
    [{ formats: { id: 'DD/MM/YYYY' } }, /column "id".*INTEGER already/],
  ])('a format it cannot use is E_TYPES_FORMAT naming the column: %j', async (params, message) => {
    await expect(runBlock(db, types(params), { in: 'written' })).rejects.toMatchObject({ code: 'E_TYPES_FORMAT', message: expect.stringMatching(message) });
  });

  it('a year written with two digits is not YYYY (strptime alone would read 18 as the year 18)', async () => {
    await db.sql(`CREATE OR REPLACE TABLE short AS SELECT * FROM (VALUES ('28/01/18'), ('3/2/18')) v(d)`);
    const r = await runBlock(db, types(), { in: 'short' });
    expect(r.fitted).toEqual({ schema: { d: 'VARCHAR' } });
    const set = await runBlock(db, types({ formats: { d: 'DD/MM/YY' } }), { in: 'short' }, { orderBy: 'all' });
    expect(column(set.outputs.out, 'd')).toEqual(['2018-01-28', '2018-02-03']);
  });

  it('amounts with a decimal comma or no sign are not currency', async () => {
    await db.sql(`CREATE OR REPLACE TABLE amounts AS SELECT * FROM (VALUES ('€12,50', '1,234'), ('€3', '12')) v(eu, plain)`);
    const r = await runBlock(db, types(), { in: 'amounts' });
    expect(r.fitted).toEqual({ schema: { eu: 'VARCHAR', plain: 'VARCHAR' } });
  });
});
