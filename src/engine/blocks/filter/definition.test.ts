import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE t AS SELECT * FROM (VALUES (1, 'rock', 5), (2, 'jazz', 3), (3, 'rock', NULL), (4, NULL, 4)) v(id, genre, Rating)`);
  await db.sql(`CREATE TABLE odd AS SELECT * FROM (VALUES (1, 'x', true), (2, 'y', false)) v("my col", "a""b", "select")`);
  await db.sql(`CREATE TABLE uni AS SELECT * FROM (VALUES ('é', 1), ('ü', 2)) v("größe", "n")`);
});
afterAll(() => db.close());

const filter = (condition: string) => ({ kind: 'filter' as const, params: { condition } });
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id);

describe('filter', () => {
  it.each([
    ['Rating >= 4', [1, 4]],
    ["genre = 'rock'", [1, 3]],
    ["genre = 'rock' AND Rating > 4", [1]],
    ['Rating IS NULL', [3]],
    ['Rating < 4 OR genre IS NULL', [2, 4]],
    ['true', [1, 2, 3, 4]],
    ['false', []],
    ["-- a comment at the end\nRating = 5 -- kept", [1]],
  ])('keeps rows where %s', async (condition, expected) => {
    const r = await runBlock(db, filter(condition), { in: 't' }, { orderBy: 'all' });
    expect(ids(r.outputs.out!)).toEqual(expected);
    expect(r.columns.out).toEqual(['id', 'genre', 'Rating']);
  });

  it('drops rows where the condition is NULL', async () => {
    const r = await runBlock(db, filter('Rating > 2'), { in: 't' }, { orderBy: 'all' });
    expect(ids(r.outputs.out!)).toEqual([1, 2, 4]);
  });

  it('reads hostile column names', async () => {
    const r = await runBlock(db, filter(`"select" AND "a""b" = 'x' AND "my col" = 1`), { in: 'odd' });
    expect(r.outputs.out).toEqual([{ 'my col': 1, 'a"b': 'x', select: true }]);
  });

  it('reads unicode column names', async () => {
    const r = await runBlock(db, filter(`größe = 'ü'`), { in: 'uni' });
    expect(r.outputs.out).toEqual([{ größe: 'ü', n: 2 }]);
  });

  it.each([
    ['an extra statement', 'true; DROP TABLE t', 'E_FORMULA_SYNTAX'],
    ['closing the parenthesis', 'true) OR (true', 'E_FORMULA_SYNTAX'],
    ['an unclosed string', "genre = 'rock", 'E_FORMULA_SYNTAX'],
    ['a parser error', 'Rating >', 'E_FORMULA_SYNTAX'],
    ['a missing column', 'nope > 1', 'E_FORMULA_INVALID'],
    ['a text that is no boolean', "'abc'", 'E_FORMULA_INVALID'],
    ['a file read', "(SELECT count(*) FROM read_csv('/etc/passwd')) > 0", 'E_SQL_REFUSED'],
  ])('refuses %s', async (_, condition, code) => {
    await expect(runBlock(db, filter(condition), { in: 't' })).rejects.toMatchObject({ code });
  });
});
