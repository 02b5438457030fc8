import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../testing/block-harness';
import type { Relation } from '../blocks/contract';
import { chartData } from './chart';
import { createRatingsTable, tableRelation } from '../../testing/profile-tables';

let db: TestDb;
let ratings: Relation;

const relation = (table: string): Promise<Relation> => tableRelation(db, table);

beforeAll(async () => {
  db = await openTestDb();
  await createRatingsTable(db);
  await db.sql(`CREATE TABLE points AS SELECT i AS "x", (i * 7) % 100 AS "n", 'g' || (i % 3) AS "y" FROM range(1000) AS r(i)`);
  ratings = await relation('ratings');
});
afterAll(() => db.close());

describe('chartData', () => {
  it('histogram: equal-width bins over the finite range, lower edges in x, counts in z', async () => {
    expect(await chartData(db.rows, ratings, { kind: 'histogram', x: 'score', limit: 4 })).toEqual({
      kind: 'histogram',
      x: [0, 5, 10, 15],
      z: [1, 0, 1, 2],
      sampled: false,
    });
  });

  it('histogram of a few whole numbers: a bar per value, missing values included, the values in x', async () => {
    // id holds 1–5; with room for 10 bars each value is one.
    expect(await chartData(db.rows, ratings, { kind: 'histogram', x: 'id', limit: 10 })).toEqual({ kind: 'histogram', x: [1, 2, 3, 4, 5], z: [1, 1, 1, 2, 1], sampled: false, byValue: true });
    // With room for only 4, the five values are binned.
    expect(await chartData(db.rows, ratings, { kind: 'histogram', x: 'id', limit: 4 })).toMatchObject({ x: [1, 2, 3, 4], z: [1, 1, 1, 3] });
  });

  it('histogram of a text column: its most frequent categories', async () => {
    expect(await chartData(db.rows, ratings, { kind: 'histogram', x: 'genre', limit: 10 })).toEqual({
      kind: 'histogram',
      x: ['a', 'b', 'c'],
      z: [4, 1, 1],
      sampled: false,
    });
  });

  it('bar: the top N values with their counts, ties alphabetical, numbers kept as numbers', async () => {
    expect(await chartData(db.rows, ratings, { kind: 'bar', x: 'genre', limit: 2 })).toMatchObject({ x: ['a', 'b'], z: [4, 1] });
    expect(await chartData(db.rows, ratings, { kind: 'bar', x: 'id', limit: 2 })).toMatchObject({ x: [4, 1], z: [2, 1] });
  });

  it('heatmap of two categorical columns: one cell per pair that occurs', async () => {
    expect(await chartData(db.rows, ratings, { kind: 'heatmap', x: 'userId', y: 'trackId', limit: 10 })).toEqual({
      kind: 'heatmap',
      x: ['u1', 'u1', 'u2', 'u3'],
      y: ['t1', 't2', 't1', 't3'],
      z: [1, 1, 3, 1],
      sampled: false,
    });
  });

  it('heatmap bins numeric axes that have more distinct values than the limit', async () => {
    // score 0 → [0, 10), 10 and 20 → [10, 20]; id 1, 2 → [1, 3), 4 → [3, 5]; the NULL and NaN scores drop out.
    expect(await chartData(db.rows, ratings, { kind: 'heatmap', x: 'score', y: 'id', limit: 2 })).toEqual({
      kind: 'heatmap',
      x: [0, 10, 10],
      y: [1, 1, 3],
      z: [1, 1, 2],
      sampled: false,
    });
  });

  it('heatmap keeps the most frequent values of a many-valued text axis', async () => {
    const d = await chartData(db.rows, ratings, { kind: 'heatmap', x: 'genre', y: 'userId', limit: 1 });
    expect(d).toMatchObject({ x: ['a'], y: ['u2'], z: [3] });
  });

  it('scatter: every point, in order, when they fit', async () => {
    expect(await chartData(db.rows, ratings, { kind: 'scatter', x: 'id', y: 'score', limit: 10 })).toEqual({
      kind: 'scatter',
      x: [1, 2, 4, 4],
      y: [0, 10, 20, 20],
      sampled: false,
    });
  });

  it('scatter: a seeded sample of exactly `limit` points above it, the same on every call', async () => {
    const rel = await relation('points');
    const a = await chartData(db.rows, rel, { kind: 'scatter', x: 'x', y: 'n', limit: 50 });
    const b = await chartData(db.rows, rel, { kind: 'scatter', x: 'x', y: 'n', limit: 50 });
    expect(a.sampled).toBe(true);
    expect(a.x).toHaveLength(50);
    expect(b).toEqual(a);
    a.x.forEach((x, i) => expect(a.y![i]).toBe(((x as number) * 7) % 100));
    // Spread over the whole range, not the first rows.
    expect(Math.max(...(a.x as number[]))).toBeGreaterThan(500);
  });

  it('scatter sample keeps repeated points as often as the data has them (it once returned one point, 5 times)', async () => {
    // 1,000 ratings of 10 tracks: every point appears 100 times, told apart only by the rating's id.
    await db.sql('CREATE TABLE repeated AS SELECT i AS id, (i % 10)::DOUBLE AS energy, (i % 10) * 2.0 AS valence FROM range(1000) AS r(i)');
    const d = await chartData(db.rows, await relation('repeated'), { kind: 'scatter', x: 'energy', y: 'valence', limit: 50 });
    expect(d.x).toHaveLength(50);
    expect(new Set(d.x).size).toBeGreaterThan(5);
  });

  it('survives columns named like its own aliases', async () => {
    const rel = await relation('points');
    expect(await chartData(db.rows, rel, { kind: 'bar', x: 'y', limit: 5 })).toMatchObject({ x: ['g0', 'g1', 'g2'], z: [334, 333, 333] });
    const heat = await chartData(db.rows, rel, { kind: 'heatmap', x: 'y', y: 'x', limit: 2 });
    // The two most frequent groups (g0: 334 rows; g1 before g2 on the tie), and x binned into [0, 499.5), [499.5, 999].
    expect(new Set(heat.x)).toEqual(new Set(['g0', 'g1']));
    expect(heat.z!.reduce((s, v) => s + v, 0)).toBe(667);
    expect(new Set(heat.y)).toEqual(new Set([0, 499.5]));
  });

  it('refuses a column that does not exist, by code', async () => {
    await expect(chartData(db.rows, ratings, { kind: 'scatter', x: 'id', y: 'nope', limit: 10 })).rejects.toMatchObject({ code: 'E_COLUMN_MISSING' });
  });
});
