import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import type { SqlRow } from '../../sql/sql-runner';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE t AS SELECT i AS id, i % 3 AS stratum, i % 500 AS userId, CAST(i AS DOUBLE) / 7 AS x FROM range(20000) t(i)`);
  // Strata of unequal sizes: 1000, 300 and 7 rows.
  await db.sql(
    `CREATE TABLE plays AS SELECT * FROM (VALUES ('u1', 10, 'a'), ('u1', 30, 'c'), ('u1', 20, 'b'), ('u2', 10, 'd'), ('u2', 20, 'e'), ('u2', 20, 'f'), ` +
      `('u3', 15, 'g'), ('u4', NULL, 'h'), ('u4', 5, 'i')) v(user, ts, item)`,
  );
  await db.sql(
    `CREATE TABLE s AS SELECT i AS id, CASE WHEN i < 1000 THEN 'big' WHEN i < 1300 THEN 'mid' ELSE 'tiny' END AS cls FROM range(1307) t(i)`,
  );
});
afterAll(() => db.close());

type Out = { name: string; fraction: number };
const split = (params: Record<string, unknown> = {}) => ({ kind: 'split' as const, params });
const ids = (rows: SqlRow[] | undefined) => rows!.map((r) => Number(r.id));

describe('split', () => {
  describe('randomized 80/20 of 20,000 rows', () => {
    it('keeps each fraction within 0.01, and the parts are disjoint and complete', async () => {
      const r = await runBlock(db, split(), { in: 't' });
      const train = ids(r.outputs.train);
      const test = ids(r.outputs.test);
      expect(Math.abs(train.length / 20000 - 0.8)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(test.length / 20000 - 0.2)).toBeLessThanOrEqual(0.01);
      const all = new Set([...train, ...test]);
      expect(all.size).toBe(20000);
      expect(train.length + test.length).toBe(20000);
    });

    it('outputs the input columns, without the internal part column', async () => {
      const r = await runBlock(db, split(), { in: 't' });
      expect(r.columns.train).toEqual(['id', 'stratum', 'userId', 'x']);
      expect(r.columns.test).toEqual(['id', 'stratum', 'userId', 'x']);
    });

    it('gives the same parts on a re-run and different ones for another seed', async () => {
      const testIds = async (seed: number) => ids((await runBlock(db, split({ seed }), { in: 't' }, { orderBy: 'all' })).outputs.test);
      const a = await testIds(7);
      expect(await testIds(7)).toEqual(a);
      expect(await testIds(8)).not.toEqual(a);
    });
  });

  it('splits three ways', async () => {
    const outputs: Out[] = [
      { name: 'train', fraction: 0.6 },
      { name: 'valid', fraction: 0.3 },
      { name: 'test', fraction: 0.1 },
    ];
    const r = await runBlock(db, split({ outputs }), { in: 't' });
    expect(Object.keys(r.outputs)).toEqual(['train', 'valid', 'test']);
    for (const o of outputs) expect(Math.abs(r.outputs[o.name]!.length / 20000 - o.fraction)).toBeLessThanOrEqual(0.01);
    expect(new Set(Object.values(r.outputs).flatMap(ids)).size).toBe(20000);
  });

  it('ordered: the first 70% by the sort column go to the first output', async () => {
    const outputs: Out[] = [
      { name: 'early', fraction: 0.7 },
      { name: 'late', fraction: 0.3 },
    ];
    const r = await runBlock(db, split({ method: 'ordered', outputs, orderBy: [{ column: 'x' }] }), { in: 't' }, { orderBy: 'all' });
    expect(ids(r.outputs.early)).toEqual(Array.from({ length: 14000 }, (_, i) => i));
    expect(ids(r.outputs.late)).toEqual(Array.from({ length: 6000 }, (_, i) => 14000 + i));
  });

  it('ordered descending puts the largest first', async () => {
    const r = await runBlock(db, split({ method: 'ordered', orderBy: [{ column: 'id', descending: true }] }), { in: 't' });
    expect(Math.min(...ids(r.outputs.train))).toBe(4000);
    expect(r.outputs.test).toHaveLength(4000);
  });

  it('stratified: each stratum is split in proportion, within one row', async () => {
    const r = await runBlock(db, split({ method: 'stratified', stratifyColumn: 'cls' }), { in: 's' });
    const count = (rows: SqlRow[] | undefined, cls: string) => rows!.filter((x) => x.cls === cls).length;
    for (const [cls, n] of [['big', 1000], ['mid', 300], ['tiny', 7]] as const) {
      expect(Math.abs(count(r.outputs.train, cls) - 0.8 * n)).toBeLessThanOrEqual(1);
      expect(count(r.outputs.train, cls) + count(r.outputs.test, cls)).toBe(n);
    }
    expect(r.columns.train).toEqual(['id', 'cls']);
  });

  it('by key: all rows of one key land in one part', async () => {
    const r = await runBlock(db, split({ method: 'key', keyColumns: ['userId'] }), { in: 't' });
    const trainUsers = new Set(r.outputs.train!.map((x) => x.userId));
    const testUsers = new Set(r.outputs.test!.map((x) => x.userId));
    expect([...trainUsers].filter((u) => testUsers.has(u))).toEqual([]);
    expect(trainUsers.size + testUsers.size).toBe(500);
    expect(r.outputs.train!.length + r.outputs.test!.length).toBe(20000);
    // 500 keys: the share of keys is near 0.8, not exact.
    expect(Math.abs(testUsers.size / 500 - 0.2)).toBeLessThanOrEqual(0.06);
  });

  describe('leave-last-out', () => {
    const llo = (params: Record<string, unknown> = {}) => split({ method: 'leave-last-out', groupColumn: 'user', orderBy: [{ column: 'ts' }], ...params });
    const pairs = (rows: SqlRow[] | undefined) => rows!.map((r) => `${String(r.user)}@${String(r.ts)}:${String(r.item)}`);

    it.each([
      // u1's last play is at 30; u2's two plays at 20 tie, and the stable row key keeps the same one out every time;
      // u3 has one play, which stays in train; u4's NULL time sorts last either way, as in an ordered split.
      ['by time', {}, ['u1@30:c', 'u2@20:f', 'u4@null:h']],
      ['by time, descending: the earliest row is the last', { orderBy: [{ column: 'ts', descending: true }] }, ['u1@10:a', 'u2@10:d', 'u4@null:h']],
    ])('%s: the last row of each group goes to the second output', async (_name, params, held) => {
      const r = await runBlock(db, llo(params), { in: 'plays' }, { orderBy: 'all' });
      expect(pairs(r.outputs.test)).toEqual(held);
      expect(r.outputs.train!.length + r.outputs.test!.length).toBe(9);
      expect(pairs(r.outputs.train)).toContain('u3@15:g');
      expect(r.columns.test).toEqual(['user', 'ts', 'item']);
    });

    it('ignores the fractions, and leaves out the same rows twice', async () => {
      const outputs: Out[] = [
        { name: 'seen', fraction: 0.5 },
        { name: 'next', fraction: 0.2 },
      ];
      const run = async () => (await runBlock(db, llo({ outputs }), { in: 'plays' }, { orderBy: 'all' })).outputs;
      const first = await run();
      expect(Object.keys(first)).toEqual(['seen', 'next']);
      expect(await run()).toEqual(first);
    });

    it.each([
      ['three outputs', { outputs: [{ name: 'a', fraction: 0.3 }, { name: 'b', fraction: 0.3 }, { name: 'c', fraction: 0.4 }] }, 'E_PARAMS_INVALID', 'exactly 2'],
      ['no group column', { groupColumn: undefined }, 'E_PARAMS_INVALID', 'groupColumn'],
      ['no sort column', { orderBy: [] }, 'E_PARAMS_INVALID', 'orderBy'],
      ['a missing group column', { groupColumn: 'nope' }, 'E_COLUMN_MISSING', 'nope'],
    ])('%s is a coded error', async (_name, params, code, text) => {
      await expect(runBlock(db, llo(params), { in: 'plays' })).rejects.toMatchObject({ code, message: expect.stringContaining(text) });
    });
  });

  it.each([
    ['fractions not summing to 1', { outputs: [{ name: 'a', fraction: 0.5 }, { name: 'b', fraction: 0.4 }] }, 'E_SPLIT_FRACTIONS'],
    ['two outputs with one name', { outputs: [{ name: 'a', fraction: 0.5 }, { name: 'a', fraction: 0.5 }] }, 'E_PARAMS_INVALID'],
    ['key without key columns', { method: 'key' }, 'E_PARAMS_INVALID'],
    ['ordered without a sort column', { method: 'ordered' }, 'E_PARAMS_INVALID'],
    ['stratified without a column', { method: 'stratified' }, 'E_PARAMS_INVALID'],
    ['a missing key column', { keyColumns: ['nope'] }, 'E_COLUMN_MISSING'],
    ['a missing sort column', { method: 'ordered', orderBy: [{ column: 'nope' }] }, 'E_COLUMN_MISSING'],
    ['a missing stratify column', { method: 'stratified', stratifyColumn: 'nope' }, 'E_COLUMN_MISSING'],
  ])('%s', async (_name, params, code) => {
    await expect(runBlock(db, split(params), { in: 't' })).rejects.toMatchObject({ code, blockId: 'b' });
  });

  it('E_SPLIT_FRACTIONS says what they sum to', async () => {
    const outputs: Out[] = [
      { name: 'a', fraction: 0.5 },
      { name: 'b', fraction: 0.4 },
    ];
    await expect(runBlock(db, split({ outputs }), { in: 't' })).rejects.toThrow('they sum to 0.9');
  });
});
