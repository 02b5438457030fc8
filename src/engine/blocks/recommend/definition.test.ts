import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import type { SqlRow } from '../../sql/sql-runner';
import { recommendBlock } from './definition';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // Rank 2, hand-made. Scores (f·f + user bias + item bias):
  //   user 1 (1, 0):            a 3, b 1.5, c 2, d −1, e 3
  //   user 2 (0, 1):            a 0, b 2.5, c 1, d 3,  e 0.5
  //   user 3 (0, 0), bias 0.5:  a 0.5, b 1, c 0.5, d 0.5, e 1
  await db.sql(`CREATE TABLE users AS SELECT * FROM (VALUES (1, 0.0, 1.0, 0.0), (2, 0.0, 0.0, 1.0), (3, 0.5, 0.0, 0.0)) v(userId, bias, f0, f1)`);
  await db.sql(
    `CREATE TABLE items AS SELECT * FROM (VALUES ('a', 0.0, 3.0, 0.0), ('b', 0.5, 1.0, 2.0), ('c', 0.0, 2.0, 1.0), ('d', 0.0, -1.0, 3.0), ('e', 0.5, 2.5, 0.0)) v(trackId, bias, f0, f1)`,
  );
  await db.sql(`CREATE TABLE seen AS SELECT * FROM (VALUES (1, 'a'), (2, 'd'), (2, 'c')) v(userId, trackId)`);
  // Interactions per item: a 3, b 2, c 1, d 1, e 1.
  await db.sql(
    `CREATE TABLE plays AS SELECT * FROM (VALUES (1, 'a'), (2, 'a'), (3, 'a'), (2, 'b'), (3, 'b'), (1, 'c'), (4, 'd'), (4, 'e')) v(listener, song)`,
  );
  // A bigger model, to check the top-k against a plain ranking of every pair.
  await db.sql(
    `CREATE TABLE many_users AS SELECT i AS uid, 0.0 AS bias, ((i * 37) % 11 - 5) / 4.0 AS f0, ((i * 53) % 7 - 3) / 2.0 AS f1, ((i * 13) % 5 - 2) / 2.0 AS f2 FROM range(300) t(i)`,
  );
  await db.sql(
    `CREATE TABLE many_items AS SELECT 'item' || i AS iid, (i % 3) / 10.0 AS bias, ((i * 17) % 9 - 4) / 4.0 AS f0, ((i * 29) % 5 - 2) / 2.0 AS f1, ((i * 7) % 3 - 1) / 2.0 AS f2 FROM range(200) t(i)`,
  );
  await db.sql(`CREATE TABLE many_seen AS SELECT uid, 'item' || ((uid * 31 + j) % 200) AS iid FROM many_users, range(15) t(j)`);
});
afterAll(() => db.close());

const recommend = (params: Record<string, unknown> = {}) => ({ kind: 'recommend' as const, params });
const lists = (rows: SqlRow[] | undefined, user: string, item: string) => {
  const out: Record<string, string[]> = {};
  for (const r of rows!) (out[String(r[user])] ??= []).push(`${String(r[item])}:${Number(r.score)}`);
  return out;
};

describe('recommend', () => {
  it.each([
    ['the top 3 unseen items, ties by item id', { k: 3 }, { 1: ['e:3', 'c:2', 'b:1.5'], 2: ['b:2.5', 'e:0.5', 'a:0'], 3: ['b:1', 'e:1', 'a:0.5'] }],
    ['seen items too, when asked', { k: 2, excludeSeen: false }, { 1: ['a:3', 'e:3'], 2: ['d:3', 'b:2.5'], 3: ['b:1', 'e:1'] }],
  ])('factors: %s', async (_name, params: Record<string, unknown>, expected) => {
    const inputs: Record<string, string> = { users: 'users', items: 'items' };
    if (params.excludeSeen !== false) inputs.seen = 'seen';
    const r = await runBlock(db, recommend(params), inputs);
    expect(lists(r.outputs.out, 'userId', 'trackId')).toEqual(expected);
  });

  it('writes (user, item, score DOUBLE, rank INTEGER), ordered by user then rank', async () => {
    const r = await runBlock(db, recommend({ k: 2 }), { users: 'users', items: 'items', seen: 'seen' });
    expect(r.columns.out).toEqual(['userId', 'trackId', 'score', 'rank']);
    expect(r.outputs.out!.map((x) => [x.userId, x.rank])).toEqual([[1, 1], [1, 2], [2, 1], [2, 2], [3, 1], [3, 2]]);
    const types = await db.rows(`SELECT typeof(score) AS s, typeof(rank) AS r FROM block_result LIMIT 1`);
    expect(types[0]).toEqual({ s: 'DOUBLE', r: 'INTEGER' });
  });

  it.each([
    ['the k most played unseen items', { k: 2 }, { 1: ['b:2', 'd:1'], 2: ['c:1', 'd:1'], 3: ['c:1', 'd:1'], 4: ['a:3', 'b:2'] }],
    ['the k most played items', { k: 2, excludeSeen: false }, { 1: ['a:3', 'b:2'], 2: ['a:3', 'b:2'], 3: ['a:3', 'b:2'], 4: ['a:3', 'b:2'] }],
  ])('popularity: %s', async (_name, params, expected) => {
    const r = await runBlock(db, recommend({ method: 'popularity', userColumn: 'listener', itemColumn: 'song', ...params }), { seen: 'plays' });
    expect(r.columns.out).toEqual(['listener', 'song', 'score', 'rank']);
    expect(lists(r.outputs.out, 'listener', 'song')).toEqual(expected);
  });

  it('matches a plain ranking of every user × item pair on a bigger model', async () => {
    const r = await runBlock(db, recommend({ k: 7 }), { users: 'many_users', items: 'many_items', seen: 'many_seen' });
    const reference = await db.rows(
      `SELECT u.uid, i.iid, u.f0 * i.f0 + u.f1 * i.f1 + u.f2 * i.f2 + u.bias + i.bias AS score, ` +
        `row_number() OVER (PARTITION BY u.uid ORDER BY score DESC, i.iid) AS rank ` +
        `FROM many_users u, many_items i WHERE NOT EXISTS (SELECT 1 FROM many_seen s WHERE s.uid = u.uid AND s.iid = i.iid) ` +
        `QUALIFY rank <= 7 ORDER BY u.uid, rank`,
    );
    expect(r.outputs.out).toHaveLength(2100);
    expect(r.outputs.out!.map((x) => [x.uid, x.iid, x.rank])).toEqual(reference.map((x) => [x.uid, x.iid, x.rank]));
    r.outputs.out!.forEach((x, n) => expect(x.score).toBeCloseTo(Number(reference[n]!.score), 12));
  });

  it('gives the same rows twice, in the same order', async () => {
    const run = async () => (await runBlock(db, recommend({ k: 5 }), { users: 'many_users', items: 'many_items', seen: 'many_seen' })).outputs.out;
    expect(await run()).toEqual(await run());
  });

  it('needs the seen input only to leave seen items out', () => {
    const ports = (p: Record<string, unknown>) => recommendBlock.inputs(recommendBlock.params.parse(p));
    expect(ports({})).toEqual(['users', 'items', 'seen']);
    expect(ports({ excludeSeen: false })).toEqual(['users', 'items']);
    expect(ports({ method: 'popularity' })).toEqual(['seen']);
  });

  it.each([
    ['a seen column that is missing', recommend({ userColumn: 'nope' }), { users: 'users', items: 'items', seen: 'seen' }, 'E_COLUMN_MISSING', 'seen input'],
    ['popularity without a user column', recommend({ method: 'popularity' }), { seen: 'plays' }, 'E_PARAMS_INVALID', 'userColumn'],
    ['items without factors', recommend(), { users: 'users', items: 'plays', seen: 'seen' }, 'E_FACTORS_INVALID', '"items" input'],
    ['an id named like an output column', recommend({ method: 'popularity', userColumn: 'listener', itemColumn: 'listener' }), { seen: 'plays' }, 'E_COLUMN_EXISTS', 'listener'],
  ])('%s is a coded error', async (_name, block, inputs, code, text) => {
    await expect(runBlock(db, block, inputs)).rejects.toMatchObject({ code, message: expect.stringContaining(text) });
  });
});
