import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE t AS SELECT * FROM (VALUES
    (1, 'b', 2.0, 10), (2, 'a', NULL, 20), (3, 'b', 1.0, 30), (4, 'a', 3.0, 40), (5, NULL, 2.0, 50)) v(id, g, x, ts)`);
  // The same rows inserted in another order: results must not depend on it.
  await db.sql(`CREATE TABLE t_rev AS SELECT * FROM t ORDER BY id DESC`);
  await db.sql(`CREATE TABLE dups AS SELECT * FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b'), (2, 'b'), (2, 'c')) v(k, v)`);
  await db.sql(`CREATE TABLE odd AS SELECT * FROM (VALUES (2, 'x', 'ü'), (1, 'y', 'ä'), (1, 'y', 'ä')) v("my col", "a""b", "select")`);
  await db.sql(`CREATE TABLE big AS SELECT range AS id, range % 7 AS g FROM range(1000)`);
});
afterAll(() => db.close());

const rows = (params: unknown) => ({ kind: 'manage-rows' as const, params });
const ids = (rs: Record<string, unknown>[]) => rs.map((r) => r.id);

describe('manage-rows: sort', () => {
  it.each([
    ['x ascending, NULLs last', [{ column: 'x' }], [3, 1, 5, 4, 2]],
    ['x descending', [{ column: 'x', descending: true }], [4, 1, 5, 3, 2]],
    ['x, NULLs first', [{ column: 'x', nulls: 'first' }], [2, 3, 1, 5, 4]],
    ['g then x descending', [{ column: 'g' }, { column: 'x', descending: true }], [4, 2, 1, 3, 5]],
    ['g descending, NULLs first', [{ column: 'g', descending: true, nulls: 'first' }, { column: 'id' }], [5, 1, 3, 2, 4]],
  ])('sorts by %s', async (_, by, expected) => {
    for (const table of ['t', 't_rev']) {
      const r = await runBlock(db, rows({ op: 'sort', by }), { in: table });
      expect(ids(r.outputs.out!)).toEqual(expected);
    }
  });

  it('breaks ties by every column, whatever the input order', async () => {
    const a = await runBlock(db, rows({ op: 'sort', by: [{ column: 'x' }] }), { in: 't' });
    const b = await runBlock(db, rows({ op: 'sort', by: [{ column: 'x' }] }), { in: 't_rev' });
    expect(a.outputs.out).toEqual(b.outputs.out);
  });

  it('names a missing sort column (E_COLUMN_MISSING)', async () => {
    await expect(runBlock(db, rows({ op: 'sort', by: [{ column: 'nope' }] }), { in: 't' })).rejects.toMatchObject({
      code: 'E_COLUMN_MISSING',
      message: expect.stringContaining('"id", "g", "x", "ts"'),
    });
  });

  it('sorts by hostile column names', async () => {
    const r = await runBlock(db, rows({ op: 'sort', by: [{ column: 'select' }, { column: 'a"b', descending: true }] }), { in: 'odd' });
    expect(r.outputs.out).toEqual([
      { 'my col': 1, 'a"b': 'y', select: 'ä' },
      { 'my col': 1, 'a"b': 'y', select: 'ä' },
      { 'my col': 2, 'a"b': 'x', select: 'ü' },
    ]);
  });
});

describe('manage-rows: drop-duplicates', () => {
  it('over every column keeps one of each distinct row', async () => {
    const r = await runBlock(db, rows({ op: 'drop-duplicates' }), { in: 'dups' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { k: 1, v: 'a' },
      { k: 2, v: 'b' },
      { k: 2, v: 'c' },
    ]);
  });

  it.each([
    ['first', ['ts'], [1, 2, 5]],
    ['last', ['ts'], [3, 4, 5]],
    // NULLs sort last, as in a sort, so the row with no x is the last of group 'a'.
    ['first', ['x'], [3, 4, 5]],
    ['last', ['x'], [1, 2, 5]],
    ['any', [], [1, 2, 5]],
  ])('keeps the %s row per key in %j order', async (keep, orderBy, expected) => {
    for (const table of ['t', 't_rev']) {
      const r = await runBlock(db, rows({ op: 'drop-duplicates', columns: ['g'], keep, orderBy }), { in: table }, { orderBy: 'all' });
      expect(ids(r.outputs.out!)).toEqual(expected);
      expect(r.columns.out).toEqual(['id', 'g', 'x', 'ts']);
    }
  });

  it('treats NULL keys as one group', async () => {
    await db.sql(`CREATE TABLE nk AS SELECT * FROM (VALUES (1, NULL), (2, NULL), (3, 'a')) v(id, g)`);
    const r = await runBlock(db, rows({ op: 'drop-duplicates', columns: ['g'] }), { in: 'nk' }, { orderBy: 'all' });
    expect(ids(r.outputs.out!)).toEqual([1, 3]);
  });

  it('keys on hostile column names', async () => {
    const r = await runBlock(db, rows({ op: 'drop-duplicates', columns: ['a"b', 'select'] }), { in: 'odd' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { 'my col': 1, 'a"b': 'y', select: 'ä' },
      { 'my col': 2, 'a"b': 'x', select: 'ü' },
    ]);
  });

  it('needs an order to keep the first row (E_PARAMS_INVALID)', async () => {
    await expect(runBlock(db, rows({ op: 'drop-duplicates', columns: ['g'], keep: 'first' }), { in: 't' })).rejects.toMatchObject({
      code: 'E_PARAMS_INVALID',
    });
  });

  it.each([
    [{ columns: ['nope'] }],
    [{ columns: ['g'], keep: 'last', orderBy: ['nope'] }],
  ])('names a missing column %j (E_COLUMN_MISSING)', async (p) => {
    await expect(runBlock(db, rows({ op: 'drop-duplicates', ...p }), { in: 't' })).rejects.toMatchObject({ code: 'E_COLUMN_MISSING' });
  });
});

describe('manage-rows: shuffle', () => {
  const shuffle = (seed: number, table = 'big') => runBlock(db, rows({ op: 'shuffle', seed }), { in: table });

  it('keeps every row, in a seeded order that does not depend on the input order', async () => {
    await db.sql(`CREATE TABLE big_rev AS SELECT * FROM big ORDER BY id DESC`);
    const a = ids((await shuffle(7)).outputs.out!);
    const b = ids((await shuffle(7, 'big_rev')).outputs.out!);
    expect(a).toEqual(b);
    expect([...a].sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(a.slice(0, 20)).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('gives another order for another seed', async () => {
    expect(ids((await shuffle(1)).outputs.out!)).not.toEqual(ids((await shuffle(2)).outputs.out!));
  });

  it('shuffles hostile column names and identical rows', async () => {
    const r = await runBlock(db, rows({ op: 'shuffle' }), { in: 'odd' }, { orderBy: 'all' });
    expect(r.outputs.out).toHaveLength(3);
  });
});
