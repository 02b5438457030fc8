import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../testing/block-harness';
import type { Relation } from '../blocks/contract';
import { profileTable } from './profile';
import { createRatingsTable, tableRelation } from '../../testing/profile-tables';
import { findRatingsColumns } from './sparsity';

let db: TestDb;

const relation = (table: string): Promise<Relation> => tableRelation(db, table);

beforeAll(async () => {
  db = await openTestDb();
  await createRatingsTable(db);
  await db.sql(`CREATE TABLE hostile AS SELECT * FROM (VALUES (1, 'x', 2.5), (1, 'x', 2.5), (3, 'y', NULL)) AS v("n", "we""ird", "bin")`);
  await db.sql(`CREATE TABLE empty AS SELECT 1::INTEGER AS a, 'x' AS b WHERE false`);
});
afterAll(() => db.close());

describe('profileTable', () => {
  it('counts rows, duplicates, nulls and distinct values per column', async () => {
    const p = await profileTable(db.rows, await relation('ratings'));
    expect(p.rows).toBe(6);
    expect(p.duplicateRows).toBe(1);
    expect(p.columns.map((c) => [c.name, c.type, c.count, c.nulls, c.distinct])).toEqual([
      ['id', 'INTEGER', 6, 0, 5],
      ['genre', 'VARCHAR', 6, 0, 3],
      ['score', 'DOUBLE', 5, 1, 4],
      ['userId', 'VARCHAR', 6, 0, 3],
      ['trackId', 'VARCHAR', 6, 0, 3],
    ]);
  });

  it('gives numeric columns their finite range, mean and sample standard deviation', async () => {
    const [id, , score] = (await profileTable(db.rows, await relation('ratings'))).columns;
    expect([id!.min, id!.max]).toEqual([1, 5]);
    expect(id!.mean).toBeCloseTo(19 / 6, 12);
    const squares = [1, 2, 3, 4, 4, 5].reduce((s, v) => s + (v - 19 / 6) ** 2, 0);
    expect(id!.std).toBeCloseTo(Math.sqrt(squares / 5), 12);
    // NaN is a value (counted, distinct) but not part of the range or the moments.
    expect([score!.min, score!.max, score!.mean]).toEqual([0, 20, 12.5]);
  });

  it('gives text columns their min/max text, top values and category histogram', async () => {
    const genre = (await profileTable(db.rows, await relation('ratings'))).columns[1]!;
    expect([genre.min, genre.max, genre.mean, genre.std]).toEqual(['a', 'c', undefined, undefined]);
    expect(genre.top).toEqual([
      { value: 'a', count: 4 },
      { value: 'b', count: 1 },
      { value: 'c', count: 1 },
    ]);
    expect(genre.histogram).toEqual([
      { lo: 'a', count: 4 },
      { lo: 'b', count: 1 },
      { lo: 'c', count: 1 },
    ]);
  });

  it('bins numbers into 20 equal-width bins, empty ones included, the maximum in the last', async () => {
    const score = (await profileTable(db.rows, await relation('ratings'))).columns[2]!;
    expect(score.histogram).toHaveLength(20);
    expect(score.histogram[0]).toEqual({ lo: 0, hi: 1, count: 1 });
    expect(score.histogram[10]).toEqual({ lo: 10, hi: 11, count: 1 });
    expect(score.histogram[19]).toEqual({ lo: 19, hi: 20, count: 2 });
    expect(score.histogram.reduce((s, b) => s + b.count, 0)).toBe(4);
  });

  it('gives a few whole numbers a bar each, missing ones included; a wide or fractional range stays binned', async () => {
    await db.sql(`CREATE OR REPLACE TABLE whole AS SELECT * FROM (VALUES (1, 0::TINYINT, 0, 1.0), (1, 1, 100, 2.0), (2, 1, 7, 5.0), (5, 1, 3, 3.0)) AS v(rating, flag, wide, stars)`);
    const [rating, flag, wide, stars] = (await profileTable(db.rows, await relation('whole'))).columns;
    // A rating of 1–5: five bars, the 3 and 4 nobody gave included; a bar of one value has no upper edge.
    expect(rating!.histogram).toEqual([{ lo: 1, count: 2 }, { lo: 2, count: 1 }, { lo: 3, count: 0 }, { lo: 4, count: 0 }, { lo: 5, count: 1 }]);
    expect(flag!.histogram).toEqual([{ lo: 0, count: 1 }, { lo: 1, count: 3 }]);
    // 0–100 holds more values than bars: 20 equal-width bins.
    expect(wide!.histogram).toHaveLength(20);
    expect(wide!.histogram[0]).toEqual({ lo: 0, hi: 5, count: 2 });
    // Whole values of a DECIMAL column are still a measurement: binned.
    expect(stars!.histogram).toHaveLength(20);
  });

  it('keeps the top values to five, most frequent first, ties alphabetical', async () => {
    const id = (await profileTable(db.rows, await relation('ratings'))).columns[0]!;
    expect(id.top).toEqual([
      { value: '4', count: 2 },
      { value: '1', count: 1 },
      { value: '2', count: 1 },
      { value: '3', count: 1 },
      { value: '5', count: 1 },
    ]);
  });

  it('reports the sparsity of the user × item matrix: 1 − 4 pairs / (3 users × 3 items)', async () => {
    const p = await profileTable(db.rows, await relation('ratings'));
    expect(p.sparsity).toEqual({ userColumn: 'userId', itemColumn: 'trackId', users: 3, items: 3, ratings: 4, sparsity: 1 - 4 / 9 });
  });

  it('takes the ratings columns from the options, and refuses ones that do not exist', async () => {
    const rel = await relation('ratings');
    const p = await profileTable(db.rows, rel, { ratings: { userColumn: 'genre', itemColumn: 'id' } });
    expect(p.sparsity).toMatchObject({ users: 3, items: 5, ratings: 5 });
    await expect(profileTable(db.rows, rel, { ratings: { userColumn: 'nope', itemColumn: 'id' } })).rejects.toMatchObject({ code: 'E_COLUMN_MISSING' });
  });

  it('uses approximate distinct counts above the threshold', async () => {
    const p = await profileTable(db.rows, await relation('ratings'), { exactDistinctUpTo: 2 });
    expect(p.columns.map((c) => c.distinct)).toEqual([5, 3, 4, 3, 3]);
  });

  it('survives column names that clash with its own aliases or hold quotes', async () => {
    const p = await profileTable(db.rows, await relation('hostile'));
    expect(p.duplicateRows).toBe(1);
    expect(p.columns.map((c) => [c.name, c.count, c.distinct, c.top[0]])).toEqual([
      ['n', 3, 2, { value: '1', count: 2 }],
      ['we"ird', 3, 2, { value: 'x', count: 2 }],
      ['bin', 2, 1, { value: '2.5', count: 2 }],
    ]);
    expect(p.columns[2]!.histogram).toEqual([{ lo: 2.5, hi: 2.5, count: 2 }]);
    expect(p.sparsity).toBeUndefined();
  });

  it('profiles an empty table without figures it cannot have', async () => {
    const p = await profileTable(db.rows, await relation('empty'));
    expect(p).toEqual({
      rows: 0,
      duplicateRows: 0,
      columns: [
        { name: 'a', type: 'INTEGER', count: 0, nulls: 0, distinct: 0, top: [], histogram: [] },
        { name: 'b', type: 'VARCHAR', count: 0, nulls: 0, distinct: 0, top: [], histogram: [] },
      ],
    });
  });
});

describe('findRatingsColumns', () => {
  const cols = (...names: string[]) => names.map((name) => ({ name, type: 'VARCHAR' }));

  it.each([
    [cols('ratingEventId', 'userId', 'itemInSession', 'trackId'), { userColumn: 'userId', itemColumn: 'trackId' }],
    [cols('user', 'movie'), { userColumn: 'user', itemColumn: 'movie' }],
    [cols('user_name', 'user_id', 'product_id'), { userColumn: 'user_id', itemColumn: 'product_id' }],
    [cols('userId', 'Rating'), undefined],
    [cols('trackId', 'genre'), undefined],
  ])('%j → %j', (columns, expected) => {
    expect(findRatingsColumns(columns)).toEqual(expected);
  });
});
