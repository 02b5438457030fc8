import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import type { SqlRow } from '../../sql/sql-runner';
import { coldStartSentence, type PredictReport } from './definition';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // Rank 2. Users are DOUBLE as the trainer writes them; items are left as DECIMAL literals, which must score alike.
  await db.sql(
    `CREATE TABLE users AS SELECT userId, CAST(bias AS DOUBLE) AS bias, CAST(f0 AS DOUBLE) AS f0, CAST(f1 AS DOUBLE) AS f1 ` +
      `FROM (VALUES (1, 0.5, 1.0, 0.0), (2, -0.25, 0.5, 2.0)) v(userId, bias, f0, f1)`,
  );
  await db.sql(`CREATE TABLE items AS SELECT * FROM (VALUES ('a', 0.1, 2.0, 1.0), ('b', 0.0, -1.0, 0.5)) v(trackId, bias, f0, f1)`);
  // User 3 and track z have no factors (cold starts).
  await db.sql(`CREATE TABLE ratings AS SELECT * FROM (VALUES (1, 'a', 4), (1, 'b', 2), (2, 'a', 5), (3, 'a', 1), (2, 'z', 3)) v(userId, trackId, Rating)`);
  await db.sql(`CREATE TABLE items3 AS SELECT *, 0.0 AS f2 FROM items`);
  await db.sql(`CREATE TABLE no_factors AS SELECT * FROM (VALUES ('a', 1.0)) v(trackId, weight)`);
  await db.sql(`CREATE TABLE gap AS SELECT * FROM (VALUES ('a', 0.0, 1.0, 1.0)) v(trackId, bias, f0, f2)`);
  await db.sql(`CREATE TABLE text_factor AS SELECT * FROM (VALUES ('a', 0.0, '1', 1.0)) v(trackId, bias, f0, f1)`);
  // Hostile names: a quote in the user column, and an output name with a quote.
  await db.sql(`CREATE TABLE odd_users AS SELECT userId AS "user ""id""", bias, f0, f1 FROM users`);
  await db.sql(`CREATE TABLE odd_ratings AS SELECT userId AS "user ""id""", trackId FROM ratings`);
});
afterAll(() => db.close());

const predict = (params: Record<string, unknown> = {}) => ({ kind: 'predict' as const, params });
const tables = { data: 'ratings', users: 'users', items: 'items' };
const byKey = (rows: SqlRow[] | undefined) => Object.fromEntries(rows!.map((r) => [`${r.userId}/${r.trackId}`, r.prediction]));

describe('predict', () => {
  it.each([
    // (1,a): 1·2 + 0·1 + 0.5 + 0.1 = 2.6; (1,b): −1 + 0 + 0.5 + 0 = −0.5; (2,a): 0.5·2 + 2·1 − 0.25 + 0.1 = 2.85
    ['drops cold starts by default', {}, { '1/a': 2.6, '1/b': -0.5, '2/a': 2.85 }],
    ['clamps to the scale', { clamp: { min: 1, max: 5 } }, { '1/a': 2.6, '1/b': 1, '2/a': 2.85 }],
    ['clamps from above', { clamp: { min: 0, max: 2 } }, { '1/a': 2, '1/b': 0, '2/a': 2 }],
  ])('%s', async (_name, params, expected) => {
    const r = await runBlock(db, predict(params), tables, { orderBy: 'all' });
    const got = byKey(r.outputs.out);
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expect(got[key]).toBeCloseTo(value, 12);
  });

  it('keeps cold starts with NaN, and leaves NaN unclamped', async () => {
    const r = await runBlock(db, predict({ coldStart: 'nan', clamp: { min: 1, max: 5 } }), tables, { orderBy: 'all' });
    const got = byKey(r.outputs.out);
    expect(Object.keys(got)).toHaveLength(5);
    expect(got['3/a']).toBeNaN();
    expect(got['2/z']).toBeNaN();
    expect(got['1/b']).toBe(1);
  });

  it.each([
    ['dropped', {}, { dataRows: 5, coldStartRows: 2, coldStart: 'drop' }, '2 of 5 rows had a user or item the model never saw (a cold start) and were dropped.'],
    ['kept as NaN', { coldStart: 'nan' }, { dataRows: 5, coldStartRows: 2, coldStart: 'nan' }, '2 of 5 rows had a user or item the model never saw (a cold start) and are predicted NaN.'],
  ])('reports how many cold-start rows it %s', async (_what, params, report, sentence) => {
    const r = await runBlock(db, predict(params), tables);
    expect(r.report).toEqual(report);
    expect(coldStartSentence(r.report as PredictReport)).toBe(sentence);
  });

  it('words no cold start and a single one plainly', () => {
    expect(coldStartSentence({ dataRows: 3, coldStartRows: 0, coldStart: 'drop' })).toMatch(/model knows: 3 rows scored\.$/);
    expect(coldStartSentence({ dataRows: 1, coldStartRows: 1, coldStart: 'drop' })).toBe('1 of 1 row had a user or item the model never saw (a cold start) and was dropped.');
  });

  it("keeps the data's columns in order and adds the prediction last", async () => {
    const r = await runBlock(db, predict({ outputColumn: 'score' }), tables);
    expect(r.columns.out).toEqual(['userId', 'trackId', 'Rating', 'score']);
    expect(r.outputs.out![0]).toHaveProperty('Rating');
  });

  it('reads hostile column names through the settings', async () => {
    const params = predict({ userColumn: 'user "id"', outputColumn: "it's" });
    const r = await runBlock(db, params, { data: 'odd_ratings', users: 'odd_users', items: 'items' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['user "id"', 'trackId', "it's"]);
    expect(r.outputs.out!.map((row) => row["it's"])).toHaveLength(3);
  });

  it('gives the same rows twice', async () => {
    const run = async () => (await runBlock(db, predict({ coldStart: 'nan' }), tables, { orderBy: 'all' })).outputs.out;
    expect(await run()).toEqual(await run());
  });

  it.each([
    ['a missing user column', predict({ userColumn: 'nope' }), tables, 'E_COLUMN_MISSING', 'nope'],
    ['an output name already taken', predict({ outputColumn: 'Rating' }), tables, 'E_COLUMN_EXISTS', 'Rating'],
    ['a clamp upside down', predict({ clamp: { min: 5, max: 1 } }), tables, 'E_PARAMS_INVALID', 'clamp'],
    ['a table without factor columns', predict(), { ...tables, items: 'no_factors' }, 'E_FACTORS_INVALID', 'no factor columns'],
    ['a gap in the factor columns', predict(), { ...tables, items: 'gap' }, 'E_FACTORS_INVALID', 'no f1'],
    ['a factor that is text', predict(), { ...tables, items: 'text_factor' }, 'E_FACTORS_INVALID', '"f0" is VARCHAR'],
    ['tables of two ranks', predict(), { ...tables, items: 'items3' }, 'E_FACTORS_RANK_MISMATCH', 'rank 2 and the items factors rank 3'],
    ['the data where the factors go', predict(), { ...tables, users: 'ratings' }, 'E_FACTORS_INVALID', '"users" input'],
  ])('%s is a coded error', async (_name, block, inputs, code, text) => {
    await expect(runBlock(db, block, inputs)).rejects.toMatchObject({ code, message: expect.stringContaining(text) });
  });
});
