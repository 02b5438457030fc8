import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { sqlBlock } from './definition';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE ratings AS SELECT * FROM (VALUES (1, 10, 5), (1, 11, 3), (2, 10, 4), (2, 12, NULL)) v(userId, trackId, Rating)`);
  await db.sql(`CREATE TABLE tracks AS SELECT * FROM (VALUES (10, 'rock'), (11, 'jazz')) v(trackId, genre)`);
  await db.sql(`CREATE TABLE odd AS SELECT * FROM (VALUES (1, 'x', 2)) v("my col", "a""b", "select")`);
});
afterAll(() => db.close());

const sql = (query: string, inputs?: string[]) => ({ kind: 'sql' as const, params: { query, ...(inputs ? { inputs } : {}) } });

describe('sql', () => {
  it('runs a query over the default port df', async () => {
    const r = await runBlock(db, sql('SELECT userId, avg(Rating) AS r FROM df GROUP BY userId'), { df: 'ratings' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { userId: 1, r: 4 },
      { userId: 2, r: 4 },
    ]);
  });

  it('reads several named inputs', async () => {
    const q = 'SELECT r.userId, t.genre FROM ratings r JOIN tracks t USING (trackId)';
    const r = await runBlock(db, sql(q, ['ratings', 'tracks']), { ratings: 'ratings', tracks: 'tracks' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { userId: 1, genre: 'jazz' },
      { userId: 1, genre: 'rock' },
      { userId: 2, genre: 'rock' },
    ]);
  });

  it.each([
    ['WITH', 'WITH five AS (SELECT * FROM df WHERE Rating = 5) SELECT userId FROM five'],
    ['FROM-first', 'FROM df SELECT userId WHERE Rating = 5'],
    ['a parenthesised query', '(SELECT userId FROM df WHERE Rating = 5)'],
    ['leading comments', '-- five stars\n/* only */ SELECT userId FROM df WHERE Rating = 5 -- trailing comment'],
    ['lower case', 'select userId from df where Rating = 5'],
  ])('accepts %s', async (_, q) => {
    const r = await runBlock(db, sql(q), { df: 'ratings' });
    expect(r.outputs.out).toEqual([{ userId: 1 }]);
  });

  it('accepts VALUES', async () => {
    const r = await runBlock(db, sql('VALUES (1, 2)'), { df: 'ratings' });
    expect(r.outputs.out).toEqual([{ col0: 1, col1: 2 }]);
  });

  it('reads hostile column names', async () => {
    const r = await runBlock(db, sql('SELECT "my col" + "select" AS s, "a""b" FROM df'), { df: 'odd' });
    expect(r.outputs.out).toEqual([{ s: 3, 'a"b': 'x' }]);
  });

  it.each([
    ['a second statement', 'SELECT 1; COPY df TO \'/tmp/x.csv\'', 'E_SQL_INVALID'],
    ['closing the parenthesis', 'SELECT 1) UNION ALL (SELECT 2', 'E_SQL_INVALID'],
    ['an unclosed string', "SELECT 'abc FROM df", 'E_SQL_INVALID'],
    ['only a comment', '-- nothing', 'E_SQL_INVALID'],
    ['ATTACH', "ATTACH '/tmp/x.db' AS x", 'E_SQL_NOT_SELECT'],
    ['INSTALL', 'INSTALL httpfs', 'E_SQL_NOT_SELECT'],
    ['SET', 'SET threads = 1', 'E_SQL_NOT_SELECT'],
    ['PRAGMA', 'PRAGMA database_list', 'E_SQL_NOT_SELECT'],
    ['COPY after a comment', "/* x */ COPY df TO '/tmp/x.csv'", 'E_SQL_NOT_SELECT'],
    ['a file read', "SELECT * FROM read_csv('/etc/passwd')", 'E_SQL_REFUSED'],
    ['a glob', "SELECT * FROM glob('/etc/*')", 'E_SQL_REFUSED'],
    ['a file named in FROM', "SELECT * FROM '/etc/passwd'", 'E_SQL_REFUSED'],
    ['a table that is not an input', 'SELECT * FROM df, main.df_other', 'E_SQL_REFUSED'],
    ['SQL made from text', "SELECT * FROM query('SELECT 1')", 'E_SQL_REFUSED'],
    ['a setting', "SELECT current_setting('threads') AS t", 'E_SQL_REFUSED'],
    ['the settings view', 'SELECT * FROM pg_settings', 'E_SQL_REFUSED'],
    ["an E'' string that hides a closing parenthesis", "SELECT E'\\'' ) AS x, (SELECT 1 --' FROM df", 'E_SQL_INVALID'],
    ['EXPORT DATABASE', "EXPORT DATABASE '/tmp/x'", 'E_SQL_NOT_SELECT'],
    ['a trailing second statement after ;', 'SELECT 1;', 'E_SQL_NOT_SELECT'],
    ['a parser error', 'SELECT FROM WHERE', 'E_SQL_INVALID'],
    ['a missing column', 'SELECT nope FROM df', 'E_SQL_INVALID'],
    ['a missing table', 'SELECT * FROM nope', 'E_SQL_REFUSED'],
  ])('refuses %s', async (_, q, code) => {
    await expect(runBlock(db, sql(q), { df: 'ratings' })).rejects.toMatchObject({ code });
  });

  it.each([[['df', 'DF']], [['1df']], [['my-table']], [['a'.repeat(33)]], [[]], [['a', 'b', 'c', 'd', 'e']]])(
    'rejects input names %j',
    (inputs) => {
      expect(sqlBlock.params.safeParse({ query: 'SELECT 1', inputs }).success).toBe(false);
    },
  );

  it('compiles to one statement with a table per input', async () => {
    const r = await runBlock(db, sql('SELECT 1 AS one', ['a', 'b']), { a: 'ratings', b: 'tracks' });
    expect(r.select).toBe('WITH "a" AS (SELECT * FROM "ratings"), "b" AS (SELECT * FROM "tracks") SELECT * FROM (\nSELECT 1 AS one\n)');
    expect(r.outputs.out).toEqual([{ one: 1 }]);
  });
});
