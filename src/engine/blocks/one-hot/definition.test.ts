import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { blockRegistry } from '../registry';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  // rock ×3, jazz ×2, pop ×2 (a tie: alphabetical breaks it), blues ×1, and one NULL.
  await db.sql(
    `CREATE TABLE t AS SELECT * FROM (VALUES (1, 'rock'), (2, 'pop'), (3, 'jazz'), (4, 'rock'), (5, 'pop'), (6, 'jazz'), (7, 'rock'), (8, 'blues'), (9, NULL)) v(id, genre)`,
  );
  await db.sql(`CREATE TABLE fresh AS SELECT * FROM (VALUES (1, 'rock'), (2, 'metal'), (3, NULL)) v(id, genre)`);
});
afterAll(() => db.close());

const oneHot = (params: Record<string, unknown> = {}, fitted?: unknown) => ({
  kind: 'one-hot' as const,
  params: { column: 'genre', ...params },
  ...(fitted !== undefined ? { fitted } : {}),
});

describe('one-hot', () => {
  it('fits labels by descending frequency, ties alphabetical', async () => {
    const r = await runBlock(db, oneHot(), { in: 't' });
    expect(r.fitted).toEqual({ labels: ['rock', 'jazz', 'pop', 'blues'] });
  });

  it('appends one column per label in label order and drops the input column', async () => {
    const r = await runBlock(db, oneHot(), { in: 't' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'genre_rock', 'genre_jazz', 'genre_pop', 'genre_blues']);
    expect(r.outputs.out!.slice(0, 3)).toEqual([
      { id: 1, genre_rock: 1, genre_jazz: 0, genre_pop: 0, genre_blues: 0 },
      { id: 2, genre_rock: 0, genre_jazz: 0, genre_pop: 1, genre_blues: 0 },
      { id: 3, genre_rock: 0, genre_jazz: 1, genre_pop: 0, genre_blues: 0 },
    ]);
  });

  it('encodes NULL as all zeros', async () => {
    const r = await runBlock(db, oneHot(), { in: 't' }, { orderBy: 'all' });
    expect(r.outputs.out!.find((row) => row.id === 9)).toEqual({ id: 9, genre_rock: 0, genre_jazz: 0, genre_pop: 0, genre_blues: 0 });
  });

  it('keeps at most maxLabels, the most frequent', async () => {
    const r = await runBlock(db, oneHot({ maxLabels: 2 }), { in: 't' });
    expect(r.fitted).toEqual({ labels: ['rock', 'jazz'] });
    expect(r.columns.out).toEqual(['id', 'genre_rock', 'genre_jazz']);
  });

  describe('a value not seen when fitting', () => {
    const fitted = { labels: ['rock', 'pop'] };

    it.each([
      ['ignore', ['id', 'genre_rock', 'genre_pop'], { id: 2, genre_rock: 0, genre_pop: 0 }],
      ['keep', ['id', 'genre_rock', 'genre_pop', 'genre_unknown'], { id: 2, genre_rock: 0, genre_pop: 0, genre_unknown: 1 }],
    ])('unknown: %s', async (unknown, columns, metalRow) => {
      const r = await runBlock(db, oneHot({ unknown }, fitted), { in: 'fresh' }, { orderBy: 'all' });
      expect(r.columns.out).toEqual(columns);
      expect(r.outputs.out![1]).toEqual(metalRow);
      // A known value and a NULL are never counted as unknown.
      expect(r.outputs.out![0]).toMatchObject({ genre_rock: 1, genre_pop: 0 });
      expect(Object.values(r.outputs.out![2]!).slice(1).every((v) => v === 0)).toBe(true);
    });

    it('unknown: error stops with E_UNKNOWN_CATEGORY naming the column and value', async () => {
      const run = runBlock(db, oneHot({ unknown: 'error' }, fitted), { in: 'fresh' });
      await expect(run).rejects.toMatchObject({ code: 'E_UNKNOWN_CATEGORY', blockId: 'b' });
      await expect(run).rejects.toThrow(/Column "genre".*"metal"/);
    });

    it('unknown: error passes data with only known values and NULLs', async () => {
      await db.sql(`CREATE OR REPLACE TABLE known AS SELECT * FROM (VALUES (1, 'rock'), (2, NULL)) v(id, genre)`);
      const r = await runBlock(db, oneHot({ unknown: 'error' }, fitted), { in: 'known' });
      expect(r.outputs.out).toHaveLength(2);
    });
  });

  it('handles hostile labels and column names', async () => {
    await db.sql(`CREATE OR REPLACE TABLE odd AS SELECT * FROM (VALUES ('it''s'), ('a"b')) v("g ""x""")`);
    const r = await runBlock(db, { kind: 'one-hot', params: { column: 'g "x"' } }, { in: 'odd' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['g "x"_a"b', `g "x"_it's`]);
    expect(r.outputs.out).toEqual([
      { 'g "x"_a"b': 0, [`g "x"_it's`]: 1 },
      { 'g "x"_a"b': 1, [`g "x"_it's`]: 0 },
    ]);
  });

  it('compile without fitted state fails with E_NOT_FITTED', () => {
    const def = blockRegistry['one-hot'];
    const params = def.params.parse({ column: 'genre' });
    const inputs = { in: { ref: 't', columns: [{ name: 'genre', type: 'VARCHAR' }] } };
    const files = { inputPath: (n: string) => n };
    expect(() => def.compile({ blockId: 'b', params, inputs, fitted: undefined, files })).toThrow(
      expect.objectContaining({ code: 'E_NOT_FITTED' }),
    );
  });

  it('a missing column is E_COLUMN_MISSING', async () => {
    await expect(runBlock(db, { kind: 'one-hot', params: { column: 'nope' } }, { in: 't' })).rejects.toMatchObject({
      code: 'E_COLUMN_MISSING',
    });
  });
});
