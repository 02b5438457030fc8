import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../testing/block-harness';
import { tableRelation } from '../../testing/profile-tables';
import type { Relation } from '../blocks/contract';
import { itemValuesSelect } from './item-values';

let db: TestDb;
const rel = (table: string): Promise<Relation> => tableRelation(db, table);
const byKey = (rows: { key: unknown; value: unknown }[]) => Object.fromEntries(rows.map((r) => [String(r.key), r.value]));

beforeAll(async () => {
  db = await openTestDb();
  // Factors of four tracks, in an order that is not the key order.
  await db.sql(`CREATE TABLE items AS SELECT * FROM (VALUES ('T3', 0.5), ('T1', 0.1), ('T2', -0.2), ('T9', 0.0)) AS v(trackId, f0)`);
  await db.sql(`CREATE TABLE tracks AS SELECT * FROM (VALUES ('T1', 'Rock', 0.9), ('T2', 'Jazz', 0.4), ('T3', 'Rock', NULL), ('T4', 'Pop', 0.1)) AS v(trackId, genre, energy)`);
  // Several ratings per track; T1 has a tie between 4 and 5, T2 a NULL among its ratings.
  await db.sql(`CREATE TABLE ratings AS SELECT * FROM (VALUES
    ('u1', 'T1', 5, 'a'), ('u2', 'T1', 4, 'b'), ('u3', 'T1', 4, 'a'), ('u4', 'T1', 5, 'b'),
    ('u1', 'T2', 2, NULL), ('u2', 'T2', 3, NULL), ('u3', 'T2', NULL, 'c')) AS v(userId, trackId, Rating, device)`);
  await db.sql(`CREATE TABLE numbered AS SELECT * FROM (VALUES (1, 'one'), (3, 'three')) AS v(id, "we""ird name")`);
  await db.sql(`CREATE TABLE numbered_items AS SELECT * FROM (VALUES ('1', 0.1), ('2', 0.2), ('3', 0.3)) AS v(id, f0)`);
});
afterAll(() => db.close());

describe('itemValuesSelect', () => {
  it('looks up a column of another table for every item of the page, NULL where that table has none', async () => {
    const sql = itemValuesSelect(await rel('items'), await rel('tracks'), { itemKey: 'trackId', limit: 10, sourceKey: 'trackId', column: 'genre' });
    const rows = (await db.rows(sql)) as { key: unknown; value: unknown }[];
    expect(rows).toHaveLength(4);
    expect(byKey(rows)).toEqual({ T1: 'Rock', T2: 'Jazz', T3: 'Rock', T9: null });
    const energy = itemValuesSelect(await rel('items'), await rel('tracks'), { itemKey: 'trackId', limit: 10, sourceKey: 'trackId', column: 'energy' });
    expect(byKey((await db.rows(energy)) as { key: unknown; value: unknown }[])).toEqual({ T1: 0.9, T2: 0.4, T3: null, T9: null });
  });

  it('gives one value per item from a table with many rows per item: the mean of a number, the most frequent text', async () => {
    const items = await rel('items');
    const ratings = await rel('ratings');
    const mean = itemValuesSelect(items, ratings, { itemKey: 'trackId', limit: 10, sourceKey: 'trackId', column: 'Rating' });
    expect(byKey((await db.rows(mean)) as { key: unknown; value: unknown }[])).toEqual({ T1: 4.5, T2: 2.5, T3: null, T9: null });
    // T1: 'a' and 'b' twice each, the tie going to the smaller; T2: NULLs do not outvote its one value.
    const mode = itemValuesSelect(items, ratings, { itemKey: 'trackId', limit: 10, sourceKey: 'trackId', column: 'device' });
    expect(byKey((await db.rows(mode)) as { key: unknown; value: unknown }[])).toEqual({ T1: 'a', T2: 'c', T3: null, T9: null });
  });

  it('keeps to the first `limit` items, as the scatter page does', async () => {
    const sql = itemValuesSelect(await rel('items'), await rel('tracks'), { itemKey: 'trackId', limit: 2, sourceKey: 'trackId', column: 'genre' });
    const page = await db.rows('SELECT trackId FROM items LIMIT 2');
    expect(((await db.rows(sql)) as { key: unknown }[]).map((r) => r.key).sort()).toEqual(page.map((r) => r.trackId).sort());
  });

  it('matches keys of different types as text, and quotes hostile column names', async () => {
    const sql = itemValuesSelect(await rel('numbered_items'), await rel('numbered'), { itemKey: 'id', limit: 10, sourceKey: 'id', column: 'we"ird name' });
    expect(byKey((await db.rows(sql)) as { key: unknown; value: unknown }[])).toEqual({ 1: 'one', 2: null, 3: 'three' });
  });

  it('names a missing column and where it was looked for', async () => {
    expect(() => itemValuesSelect({ ref: 'items', columns: [{ name: 'trackId', type: 'VARCHAR' }] }, { ref: 'tracks', columns: [] }, { itemKey: 'trackId', limit: 1, sourceKey: 'trackId', column: 'genre' })).toThrow(
      expect.objectContaining({ code: 'E_COLUMN_MISSING' }),
    );
  });
});
