import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE raw AS SELECT * FROM (VALUES
    (1, 'true',  '1',   '1.5',  '007', '2020-01-01', '2020-01-01 10:00:00', 'abc', '0',  '12345678901234567890', NULL, '2020-01-01'),
    (2, 'FALSE', '-20', '2',    '010', '2021-12-31', '2020-01-02T11:30',    '1',   '1',  '1',                    '',   '2020-01-01 10:00'),
    (3, ' yes ', '+3',  '-3e2', '1',   NULL,         NULL,                  NULL,  NULL, NULL,                   NULL, NULL),
    (4, NULL,    '',    '.5',   NULL,  '',           '',                    'x',   '1',  '2',                    '  ', NULL)
  ) v(id, b, i, f, z, d, ts, s, bits, big, empty, mixed)`);
});
afterAll(() => db.close());

const types = (params: Record<string, unknown> = {}, fitted?: unknown) => ({
  kind: 'types' as const,
  params,
  ...(fitted !== undefined ? { fitted } : {}),
});

const column = (rows: Record<string, unknown>[] | undefined, name: string) => rows!.map((r) => r[name]);

async function typesOf(): Promise<Record<string, string>> {
  const rows = await db.rows(`DESCRIBE block_result`);
  return Object.fromEntries(rows.map((r) => [String(r.column_name), String(r.column_type)]));
}

const inferred = {
  id: 'INTEGER',
  b: 'BOOLEAN',
  i: 'BIGINT',
  f: 'DOUBLE',
  z: 'VARCHAR',
  d: 'DATE',
  ts: 'TIMESTAMP',
  s: 'VARCHAR',
  bits: 'BIGINT',
  big: 'VARCHAR',
  empty: 'VARCHAR',
  mixed: 'TIMESTAMP',
};

describe('types', () => {
  it('infers the most specific type of every column, in column order', async () => {
    const r = await runBlock(db, types(), { in: 'raw' });
    expect(r.fitted).toEqual({ schema: inferred });
    expect(Object.keys((r.fitted as { schema: object }).schema)).toEqual(Object.keys(inferred));
  });

  it('casts to the inferred types; blanks become NULL; columns keep their order', async () => {
    const r = await runBlock(db, types(), { in: 'raw' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(Object.keys(inferred));
    expect(await typesOf()).toEqual(inferred);
    const out = r.outputs.out;
    expect(column(out, 'b')).toEqual([true, false, true, null]);
    expect(column(out, 'i')).toEqual([1, -20, 3, null]);
    expect(column(out, 'f')).toEqual([1.5, 2, -300, 0.5]);
    expect(column(out, 'z')).toEqual(['007', '010', '1', null]);
    expect(column(out, 'd')).toEqual(['2020-01-01', '2021-12-31', null, null]);
    expect(column(out, 'ts')).toEqual(['2020-01-01 10:00:00', '2020-01-02 11:30:00', null, null]);
    expect(column(out, 'bits')).toEqual([0, 1, null, 1]);
    expect(column(out, 'empty')).toEqual([null, '', null, '  ']);
  });

  it('passes unchanged columns through without a cast', async () => {
    const r = await runBlock(db, types(), { in: 'raw' });
    expect(r.select).toMatch(/^SELECT "id", TRY_CAST/);
    expect(r.select).toContain(', "z", ');
  });

  it('an explicit type wins over the inferred one; auto keeps the inferred one', async () => {
    const r = await runBlock(db, types({ columns: { z: 'INTEGER', i: 'VARCHAR', d: 'auto' } }), { in: 'raw' }, { orderBy: 'all' });
    expect(column(r.outputs.out, 'z')).toEqual([7, 10, 1, null]);
    expect(column(r.outputs.out, 'i')).toEqual(['1', '-20', '+3', '']);
    expect(await typesOf()).toMatchObject({ z: 'INTEGER', i: 'VARCHAR', d: 'DATE' });
  });

  it.each([
    ['null', [null, 1, null, null]],
    ['fail', 'E_QUERY_FAILED'],
  ])('onError: %s on a value that does not convert', async (onError, expected) => {
    const run = runBlock(db, types({ columns: { s: 'BIGINT' }, onError }), { in: 'raw' }, { orderBy: 'all' });
    if (typeof expected === 'string') await expect(run).rejects.toMatchObject({ code: expected, message: expect.stringContaining('abc') });
    else expect(column((await run).outputs.out, 's')).toEqual(expected);
  });

  it('applies a stored schema to new data as it is', async () => {
    await db.sql(`CREATE OR REPLACE TABLE fresh AS SELECT * FROM (VALUES ('5', 'oops'), ('x', '2')) v(i, extra)`);
    const r = await runBlock(db, types({}, { schema: { i: 'BIGINT' } }), { in: 'fresh' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { i: 5, extra: 'oops' },
      { i: null, extra: '2' },
    ]);
  });

  it('keeps castable non-text types, widens the others or makes them text', async () => {
    await db.sql(`CREATE OR REPLACE TABLE typed AS SELECT 1::INTEGER AS n, 2::SMALLINT AS sm, 1.5::FLOAT AS fl, 2.25::DECIMAL(10,2) AS dec,
      1.5::DECIMAL(18,3) AS d3, [1, 2] AS xs, DATE '2020-01-01' AS day, true AS flag`);
    const r = await runBlock(db, types(), { in: 'typed' });
    const schema = { n: 'INTEGER', sm: 'INTEGER', fl: 'DOUBLE', dec: 'DOUBLE', d3: 'DECIMAL(18,3)', xs: 'VARCHAR', day: 'DATE', flag: 'BOOLEAN' };
    expect(r.fitted).toEqual({ schema });
    expect(await typesOf()).toEqual(schema);
    expect(r.outputs.out).toEqual([{ n: 1, sm: 2, fl: 1.5, dec: 2.25, d3: '1.500', xs: '[1, 2]', day: '2020-01-01', flag: true }]);
  });

  it('names a missing column (E_COLUMN_MISSING)', async () => {
    await expect(runBlock(db, types({ columns: { nope: 'BIGINT' } }), { in: 'raw' })).rejects.toMatchObject({
      code: 'E_COLUMN_MISSING',
      message: expect.stringContaining('"nope"'),
    });
  });

  it('refuses a type outside the cast list, so no type name can carry SQL', async () => {
    await expect(runBlock(db, types({ columns: { i: 'BIGINT); DROP TABLE raw; --' } }), { in: 'raw' })).rejects.toThrow(/Invalid option/);
    expect(await db.rows(`SELECT count(*) AS n FROM raw`)).toEqual([{ n: 4 }]);
  });

  it('handles column names with spaces, quotes and unicode', async () => {
    await db.sql(`CREATE OR REPLACE TABLE names AS SELECT * FROM (VALUES ('1', '2020-01-01', 'x')) v("a b", "a""b", "größe")`);
    const r = await runBlock(db, types({ columns: { größe: 'auto' } }), { in: 'names' });
    expect(r.fitted).toEqual({ schema: { 'a b': 'BIGINT', 'a"b': 'DATE', größe: 'VARCHAR' } });
    expect(r.outputs.out).toEqual([{ 'a b': 1, 'a"b': '2020-01-01', größe: 'x' }]);
  });
});
