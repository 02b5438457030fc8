import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../testing/block-harness';
import type { BlockKind } from './registry';

/**
 * DuckDB tells column names apart by ASCII case only: a result with `a` and `A` is silently renamed `A_1` when it is
 * materialised, while `é` and `É` are two columns. Every block that makes a column name must refuse the first with
 * E_COLUMN_EXISTS (naming both spellings) and keep the second exactly as spelled.
 */
let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  const tables = [
    `genres AS SELECT * FROM (VALUES (1, 'x'), (2, 'x'), (3, 'X')) v(id, genre)`,
    `genres_uni AS SELECT * FROM (VALUES (1, 'é'), (2, 'é'), (3, 'É')) v(id, genre)`,
    `genres_taken AS SELECT * FROM (VALUES (1, 'rock', 0)) v(id, genre, "Genre_rock")`,
    `genres_unknown AS SELECT * FROM (VALUES (1, 'Unknown')) v(id, genre)`,
    `tags AS SELECT * FROM (VALUES (1, 'a|A')) v(id, tags)`,
    `tags_uni AS SELECT * FROM (VALUES (1, 'é|É')) v(id, tags)`,
    `holes AS SELECT * FROM (VALUES (1.5, 0), (NULL, 0)) v(score, "Score_Missing")`,
    `holes_uni AS SELECT * FROM (VALUES (1.5, 0), (NULL, 0)) v("é", "É_missing")`,
    `nums AS SELECT * FROM (VALUES (1.0, 2.0), (3.0, 4.0)) v(x, "X_S")`,
    `nums_uni AS SELECT * FROM (VALUES (1.0, 2.0), (3.0, 4.0)) v("é", "É_s")`,
    `pairs AS SELECT * FROM (VALUES (1, 'p', 'q')) v(a, b, "é")`,
    `users AS SELECT * FROM (VALUES (1, 0.0, 1.0)) v(userId, bias, f0)`,
    `items AS SELECT * FROM (VALUES ('t', 0.0, 2.0)) v(trackId, bias, f0)`,
    `items_userid AS SELECT * FROM (VALUES ('t', 0.0, 2.0)) v("UserId", bias, f0)`,
    `items_rank AS SELECT * FROM (VALUES ('t', 0.0, 2.0), ('u', 0.0, 1.0)) v("Rank", bias, f0)`,
    // The Kelvin sign: JavaScript's toLowerCase makes it `k`, DuckDB keeps it apart from `rank`.
    `items_kelvin AS SELECT * FROM (VALUES ('t', 0.0, 2.0), ('u', 0.0, 1.0)) v("ran\u212A", bias, f0)`,
    `scored AS SELECT * FROM (VALUES (1, 't', 0.5)) v(userId, trackId, "PREDICTION")`,
    `scored_uni AS SELECT * FROM (VALUES (1, 't', 0.5)) v(userId, trackId, "é")`,
    `plays_score AS SELECT * FROM (VALUES (1, 's'), (2, 's')) v("Score", song)`,
    `plays_uni AS SELECT * FROM (VALUES (1, 's'), (2, 't')) v("é", "É")`,
    `left_suffixed AS SELECT * FROM (VALUES (1, 2)) v(a, "A_0")`,
    `right_a AS SELECT * FROM (VALUES (1, 3)) v(a, c)`,
    `right_uni AS SELECT * FROM (VALUES (1, 3)) v(a, "É")`,
  ];
  for (const t of tables) await db.sql(`CREATE TABLE ${t}`);
});
afterAll(() => db.close());

type Case = [name: string, kind: BlockKind, params: Record<string, unknown>, tables: Record<string, string>];

describe('a name that differs from another only in ASCII case is E_COLUMN_EXISTS, naming both', () => {
  it.each<[...Case, column: string, existing: string]>([
    ['one-hot: labels x and X', 'one-hot', { column: 'genre' }, { in: 'genres' }, 'genre_X', 'genre_x'],
    ['one-hot: a label against a column there', 'one-hot', { column: 'genre' }, { in: 'genres_taken' }, 'genre_rock', 'Genre_rock'],
    ['one-hot: the unknown column against a label', 'one-hot', { column: 'genre', unknown: 'keep' }, { in: 'genres_unknown' }, 'genre_unknown', 'genre_Unknown'],
    ['multi-hot: labels A and a', 'multi-hot', { column: 'tags' }, { in: 'tags' }, 'tags_a', 'tags_A'],
    ['ordinal: the output column', 'ordinal', { column: 'genre', outputColumn: 'ID' }, { in: 'genres' }, 'ID', 'id'],
    ['missing: the indicator column', 'missing', { columns: ['score'], strategy: 'constant', value: 0, indicator: true }, { in: 'holes' }, 'score_missing', 'Score_Missing'],
    ['scale: a suffixed column', 'scale', { columns: ['x'], outputSuffix: '_s' }, { in: 'nums' }, 'x_s', 'X_S'],
    ['aggregate: an output beside a group key', 'aggregate', { groupBy: ['a'], aggregations: [{ column: 'b', fn: 'count', as: 'A' }] }, { in: 'pairs' }, 'A', 'a'],
    ['concat: the source column', 'concat', { sourceColumn: 'B' }, { in1: 'pairs', in2: 'pairs' }, 'B', 'b'],
    ['predict: the prediction column', 'predict', {}, { data: 'scored', users: 'users', items: 'items' }, 'prediction', 'PREDICTION'],
    ['recommend: a user id named like score', 'recommend', { method: 'popularity', userColumn: 'Score', itemColumn: 'song' }, { seen: 'plays_score' }, 'score', 'Score'],
    ['recommend: user and item ids', 'recommend', { excludeSeen: false }, { users: 'users', items: 'items_userid' }, 'UserId', 'userId'],
    ['similar-items: an id named like rank', 'similar-items', {}, { items: 'items_rank' }, 'Rank', 'rank'],
    ['join: a suffixed name against a column there', 'join', { keys: [{ left: 'a', right: 'a' }] }, { left: 'left_suffixed', right: 'right_a' }, 'A_0', 'a_0'],
    ['manage-columns: a rename', 'manage-columns', { operations: [{ op: 'rename', from: 'b', to: 'A' }] }, { in: 'pairs' }, 'A', 'a'],
  ])('%s', async (_name, kind, params, tables, column, existing) => {
    const run = runBlock(db, { kind, params }, tables);
    await expect(run).rejects.toMatchObject({ code: 'E_COLUMN_EXISTS', args: { column, existing } });
    await expect(run).rejects.toThrow(`Column "${column}" already exists as "${existing}"`);
  });

  it('one-hot names both labels, and what to do about them', async () => {
    const run = runBlock(db, { kind: 'one-hot', params: { column: 'genre' } }, { in: 'genres' });
    await expect(run).rejects.toThrow(/labels "x" and "X" of "genre" both give it: make their case consistent first/);
  });

  it('the same name spelled the same way is still E_COLUMN_EXISTS, without the case note', async () => {
    const run = runBlock(db, { kind: 'predict', params: { outputColumn: 'PREDICTION' } }, { data: 'scored', users: 'users', items: 'items' });
    await expect(run).rejects.toThrow(/^Column "PREDICTION" already exists\. It is the prediction column/);
  });
});

describe('names that differ in non-ASCII case (é, É) are two columns, kept exactly as spelled', () => {
  it.each<[...Case, columns: string[]]>([
    ['one-hot', 'one-hot', { column: 'genre' }, { in: 'genres_uni' }, ['id', 'genre_é', 'genre_É']],
    ['multi-hot', 'multi-hot', { column: 'tags' }, { in: 'tags_uni' }, ['id', 'tags_É', 'tags_é']],
    ['ordinal', 'ordinal', { column: 'é', outputColumn: 'É' }, { in: 'pairs' }, ['a', 'b', 'é', 'É']],
    ['missing', 'missing', { columns: ['é'], strategy: 'constant', value: 0, indicator: true }, { in: 'holes_uni' }, ['é', 'é_missing', 'É_missing']],
    ['scale', 'scale', { columns: ['é'], outputSuffix: '_s' }, { in: 'nums_uni' }, ['é', 'É_s', 'é_s']],
    ['aggregate', 'aggregate', { groupBy: ['é'], aggregations: [{ column: 'b', fn: 'count', as: 'É' }] }, { in: 'pairs' }, ['é', 'É']],
    ['concat', 'concat', { sourceColumn: 'É' }, { in1: 'pairs', in2: 'pairs' }, ['a', 'b', 'é', 'É']],
    ['predict', 'predict', { outputColumn: 'É' }, { data: 'scored_uni', users: 'users', items: 'items' }, ['userId', 'trackId', 'é', 'É']],
    ['recommend', 'recommend', { method: 'popularity', userColumn: 'é', itemColumn: 'É' }, { seen: 'plays_uni' }, ['é', 'É', 'score', 'rank']],
    ['similar-items (the Kelvin sign beside rank)', 'similar-items', { k: 1 }, { items: 'items_kelvin' }, ['ran\u212A', 'similar_ran\u212A', 'similarity', 'rank']],
    ['join', 'join', { keys: [{ left: 'a', right: 'a' }] }, { left: 'pairs', right: 'right_uni' }, ['a_0', 'b', 'é', 'a_1', 'É']],
    ['manage-columns', 'manage-columns', { operations: [{ op: 'rename', from: 'b', to: 'É' }] }, { in: 'pairs' }, ['a', 'É', 'é']],
    ['formula', 'formula', { column: 'É', expression: 'a + 1' }, { in: 'pairs' }, ['a', 'b', 'é', 'É']],
  ])('%s', async (_name, kind, params, tables, columns) => {
    const r = await runBlock(db, { kind, params }, tables);
    expect(r.columns.out).toEqual(columns);
    expect(r.outputs.out!.length).toBeGreaterThan(0);
  });
});

describe('formula, helper columns and model ids', () => {
  it('a formula named A replaces column a in place, under its spelling (one name to DuckDB, so never a rename to A_1)', async () => {
    const r = await runBlock(db, { kind: 'formula', params: { column: 'A', expression: 'a * 10' } }, { in: 'pairs' });
    expect(r.columns.out).toEqual(['A', 'b', 'é']);
    expect(r.outputs.out).toEqual([{ A: 10, b: 'p', é: 'q' }]);
  });

  it('a column named like the split helper but for case is kept, values and all (regression: it was dropped)', async () => {
    await db.sql(`CREATE TABLE parted AS SELECT i AS id, 'mine' AS "__WRANGLE_PART", 'u' AS "__WRANGLE_U" FROM range(20) t(i)`);
    for (const method of ['randomized', 'stratified', 'leave-last-out'] as const) {
      const params = { method, stratifyColumn: 'id', groupColumn: '__WRANGLE_U', orderBy: [{ column: 'id' }] };
      const r = await runBlock(db, { kind: 'split', params }, { in: 'parted' });
      expect(r.columns.train).toEqual(['id', '__WRANGLE_PART', '__WRANGLE_U']);
      expect(r.outputs.train!.length + r.outputs.test!.length, method).toBe(20);
      expect([...r.outputs.train!, ...r.outputs.test!].every((row) => row.__WRANGLE_PART === 'mine')).toBe(true);
    }
  });

  it("a column named like multi-hot's helper but for case is kept", async () => {
    await db.sql(`CREATE TABLE tagged AS SELECT 'a|b' AS tags, 'mine' AS "__WRANGLE_TOKENS"`);
    const r = await runBlock(db, { kind: 'multi-hot', params: { column: 'tags' } }, { in: 'tagged' });
    expect(r.columns.out).toEqual(['__WRANGLE_TOKENS', 'tags_a', 'tags_b']);
    expect(r.outputs.out).toEqual([{ __WRANGLE_TOKENS: 'mine', tags_a: 1, tags_b: 1 }]);
  });

  it('a user id named F0 or BIAS is E_MODEL_ID_CLASH: the factor table beside it has f0 and bias', async () => {
    await db.sql(`CREATE TABLE rated AS SELECT u AS "F0", u AS "BIAS", 'i' || (u % 3) AS itemId, 1.0 + u % 5 AS rating FROM range(12) t(u)`);
    for (const userColumn of ['F0', 'BIAS']) {
      const params = { userColumn, itemColumn: 'itemId', rank: 1, maxIter: 1 };
      await expect(runBlock(db, { kind: 'train-als', params }, { ratings: 'rated' })).rejects.toMatchObject({ code: 'E_MODEL_ID_CLASH', args: { column: userColumn } });
    }
  });
});
