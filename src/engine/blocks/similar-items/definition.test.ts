import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import type { SqlRow } from '../../sql/sql-runner';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // Rank 2: a (1,0), b (2,0), c (0,1), d (1,1) and z, the zero vector. Biases play no part in similarity.
  await db.sql(
    `CREATE TABLE items AS SELECT * FROM (VALUES ('a', 0.3, 1.0, 0.0), ('b', 0.0, 2.0, 0.0), ('c', 0.0, 0.0, 1.0), ('d', 0.0, 1.0, 1.0), ('z', 0.0, 0.0, 0.0)) v(trackId, bias, f0, f1)`,
  );
  await db.sql(`CREATE TABLE ranked AS SELECT trackId AS "rank", bias, f0, f1 FROM items`);
  await db.sql(`CREATE TABLE ratings AS SELECT * FROM (VALUES (1, 'a', 5)) v(userId, trackId, Rating)`);
});
afterAll(() => db.close());

const similar = (params: Record<string, unknown> = {}) => ({ kind: 'similar-items' as const, params });
const lists = (rows: SqlRow[] | undefined) => {
  const out: Record<string, string[]> = {};
  for (const r of rows!) (out[String(r.trackId)] ??= []).push(`${String(r.similar_trackId)}:${Number(r.similarity).toFixed(4)}`);
  return out;
};

describe('similar-items', () => {
  it.each([
    [
      'cosine: direction only, the zero vector scores 0',
      { k: 2 },
      { a: ['b:1.0000', 'd:0.7071'], b: ['a:1.0000', 'd:0.7071'], c: ['d:0.7071', 'a:0.0000'], d: ['a:0.7071', 'b:0.7071'], z: ['a:0.0000', 'b:0.0000'] },
    ],
    [
      'dot: length counts too',
      { k: 2, metric: 'dot' },
      { a: ['b:2.0000', 'd:1.0000'], b: ['a:2.0000', 'd:2.0000'], c: ['d:1.0000', 'a:0.0000'], d: ['b:2.0000', 'a:1.0000'], z: ['a:0.0000', 'b:0.0000'] },
    ],
  ])('%s (ties by id, never the item itself)', async (_name, params, expected) => {
    const r = await runBlock(db, similar(params), { items: 'items' });
    expect(lists(r.outputs.out)).toEqual(expected);
  });

  it('writes (item, similar_item, similarity, rank) ordered by item then rank', async () => {
    const r = await runBlock(db, similar({ k: 10 }), { items: 'items' });
    expect(r.columns.out).toEqual(['trackId', 'similar_trackId', 'similarity', 'rank']);
    // Fewer than k others: each item gets the 4 that exist.
    expect(r.outputs.out).toHaveLength(20);
    expect(r.outputs.out!.slice(0, 4).map((x) => x.rank)).toEqual([1, 2, 3, 4]);
    expect(r.outputs.out!.every((x) => Number.isFinite(x.similarity))).toBe(true);
  });

  it('gives the same rows twice, in the same order', async () => {
    const run = async () => (await runBlock(db, similar({ k: 3 }), { items: 'items' })).outputs.out;
    expect(await run()).toEqual(await run());
  });

  it.each([
    ['a table without factors', 'ratings', 'E_FACTORS_INVALID'],
    ['an id column named like an output column', 'ranked', 'E_COLUMN_EXISTS'],
  ])('%s is a coded error', async (_name, table, code) => {
    await expect(runBlock(db, similar(), { items: table })).rejects.toMatchObject({ code });
  });
});
