import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { sampleBlock } from './definition';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE big AS SELECT range AS id, range % 100 AS userId, CASE WHEN range % 10 = 0 THEN 'rare' ELSE 'common' END AS g FROM range(10000)`);
  // The same rows inserted in another order: a seeded draw must not depend on it.
  await db.sql(`CREATE TABLE big_rev AS SELECT * FROM big ORDER BY id DESC`);
  await db.sql(`CREATE TABLE odd AS SELECT range AS "my col", 'v' || range AS "a""b", range % 2 AS "select", 'ü' AS "größe" FROM range(200)`);
});
afterAll(() => db.close());

const sample = (params: object) => ({ kind: 'sample' as const, params });
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r.id));
async function sampledIds(params: object, table = 'big'): Promise<number[]> {
  return ids((await runBlock(db, sample(params), { in: table }, { orderBy: 'all' })).outputs.out!);
}

describe('sample: fraction', () => {
  it('keeps about the fraction, the same rows every run and whatever the input order', async () => {
    const a = await sampledIds({ mode: 'fraction', fraction: 0.3, seed: 7 });
    expect(a.length / 10000).toBeGreaterThan(0.28);
    expect(a.length / 10000).toBeLessThan(0.32);
    expect(await sampledIds({ mode: 'fraction', fraction: 0.3, seed: 7 })).toEqual(a);
    expect(await sampledIds({ mode: 'fraction', fraction: 0.3, seed: 7 }, 'big_rev')).toEqual(a);
    expect(await sampledIds({ mode: 'fraction', fraction: 0.3, seed: 8 })).not.toEqual(a);
  });

  it('keeps the same rows as a randomized split’s first output with that seed', async () => {
    const split = await runBlock(
      db,
      { kind: 'split', params: { method: 'randomized', seed: 11, outputs: [{ name: 'a', fraction: 0.3 }, { name: 'b', fraction: 0.7 }] } },
      { in: 'big' },
      { orderBy: 'all' },
    );
    expect(await sampledIds({ mode: 'fraction', fraction: 0.3, seed: 11 })).toEqual(ids(split.outputs.a!));
  });

  it('keeps or drops rows sharing key columns together', async () => {
    const kept = await sampledIds({ mode: 'fraction', fraction: 0.5, keyColumns: ['userId'] });
    const users = new Set(kept.map((id) => id % 100));
    expect(kept).toHaveLength(users.size * 100);
  });

  it('keeps every row at fraction 1', async () => {
    expect(await sampledIds({ mode: 'fraction', fraction: 1 })).toHaveLength(10000);
  });

  it.each([[0], [1.5], [-0.1]])('rejects fraction %s', (fraction) => {
    expect(sampleBlock.params.safeParse({ mode: 'fraction', fraction }).success).toBe(false);
  });
});

describe('sample: rows', () => {
  it.each([[1], [250], [10000], [20000]])('keeps exactly min(%i, all) rows, the same every run', async (rows) => {
    const a = await sampledIds({ mode: 'rows', rows, seed: 3 });
    expect(a).toHaveLength(Math.min(rows, 10000));
    expect(await sampledIds({ mode: 'rows', rows, seed: 3 }, 'big_rev')).toEqual(a);
  });

  it('keeps the rows with the lowest seeded units, so a bigger sample contains a smaller one', async () => {
    const small = await sampledIds({ mode: 'rows', rows: 100 });
    const large = new Set(await sampledIds({ mode: 'rows', rows: 1000 }));
    expect(small.every((id) => large.has(id))).toBe(true);
  });

  it('breaks ties between rows sharing a key the same way every run', async () => {
    const a = await sampledIds({ mode: 'rows', rows: 150, keyColumns: ['userId'] });
    expect(a).toHaveLength(150);
    expect(await sampledIds({ mode: 'rows', rows: 150, keyColumns: ['userId'] }, 'big_rev')).toEqual(a);
  });
});

describe('sample: stratified', () => {
  it('keeps the fraction of each group (rounded up)', async () => {
    const r = await runBlock(db, sample({ mode: 'stratified', column: 'g', fraction: 0.25, seed: 5 }), { in: 'big' });
    const rows = r.outputs.out!;
    expect(rows.filter((x) => x.g === 'rare')).toHaveLength(250);
    expect(rows.filter((x) => x.g === 'common')).toHaveLength(2250);
  });

  it('keeps the same rows as a stratified split’s first output with that seed', async () => {
    const split = await runBlock(
      db,
      {
        kind: 'split',
        params: { method: 'stratified', stratifyColumn: 'g', seed: 5, outputs: [{ name: 'a', fraction: 0.25 }, { name: 'b', fraction: 0.75 }] },
      },
      { in: 'big' },
      { orderBy: 'all' },
    );
    const a = await sampledIds({ mode: 'stratified', column: 'g', fraction: 0.25, seed: 5 });
    expect(a).toEqual(ids(split.outputs.a!));
    expect(await sampledIds({ mode: 'stratified', column: 'g', fraction: 0.25, seed: 5 }, 'big_rev')).toEqual(a);
  });

  it('names a missing column (E_COLUMN_MISSING)', async () => {
    await expect(runBlock(db, sample({ mode: 'stratified', column: 'nope', fraction: 0.5 }), { in: 'big' })).rejects.toMatchObject({
      code: 'E_COLUMN_MISSING',
      message: expect.stringContaining('"id", "userId", "g"'),
    });
  });
});

describe('sample', () => {
  it('first keeps the first rows as the input holds them', async () => {
    const r = await runBlock(db, sample({ mode: 'first', rows: 3 }), { in: 'big_rev' });
    expect(ids(r.outputs.out!)).toEqual([9999, 9998, 9997]);
  });

  it.each([
    [{ mode: 'fraction', fraction: 0.5, keyColumns: ['nope'] }],
    [{ mode: 'rows', rows: 5, keyColumns: ['id', 'nope'] }],
    [{ mode: 'stratified', column: 'g', fraction: 0.5, keyColumns: ['nope'] }],
  ])('names a missing key column %j (E_COLUMN_MISSING)', async (params) => {
    await expect(runBlock(db, sample(params), { in: 'big' })).rejects.toMatchObject({ code: 'E_COLUMN_MISSING' });
  });

  it.each([
    [{ mode: 'fraction', fraction: 0.5, keyColumns: ['a"b', 'select'] }],
    [{ mode: 'rows', rows: 50 }],
    [{ mode: 'stratified', column: 'select', fraction: 0.5, keyColumns: ['größe', 'my col'] }],
  ])('works with hostile column names: %j', async (params) => {
    const a = await runBlock(db, sample(params), { in: 'odd' }, { orderBy: 'all' });
    const b = await runBlock(db, sample(params), { in: 'odd' }, { orderBy: 'all' });
    expect(a.outputs.out!.length).toBeGreaterThan(20);
    expect(a.outputs.out!.length).toBeLessThan(180);
    expect(a.outputs.out).toEqual(b.outputs.out);
    expect(a.columns.out).toEqual(['my col', 'a"b', 'select', 'größe']);
  });
});
