import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE t AS SELECT * FROM (VALUES (1, 'x', '10', 'a'), (2, 'y', 'n/a', 'b')) v(a, b, c, d)`);
});
afterAll(() => db.close());

const manage = (...operations: Record<string, unknown>[]) => ({ kind: 'manage-columns' as const, params: { operations } });
const run = (...operations: Record<string, unknown>[]) => runBlock(db, manage(...operations), { in: 't' }, { orderBy: 'all' });

describe('manage-columns', () => {
  it.each([
    ['drop', [{ op: 'drop', columns: ['b', 'd'] }], ['a', 'c']],
    ['keep (in the order given)', [{ op: 'keep', columns: ['d', 'a'] }], ['d', 'a']],
    ['rename', [{ op: 'rename', from: 'b', to: 'B "q"' }], ['a', 'B "q"', 'c', 'd']],
    ['rename onto itself', [{ op: 'rename', from: 'b', to: 'b' }], ['a', 'b', 'c', 'd']],
    ['move to start', [{ op: 'move', columns: ['d', 'c'], to: 'start' }], ['d', 'c', 'a', 'b']],
    ['move to end', [{ op: 'move', columns: ['a'], to: 'end' }], ['b', 'c', 'd', 'a']],
    ['move to index', [{ op: 'move', columns: ['d'], to: 'index', index: 1 }], ['a', 'd', 'b', 'c']],
    ['move to an index past the end', [{ op: 'move', columns: ['a'], to: 'index', index: 99 }], ['b', 'c', 'd', 'a']],
    ['move before', [{ op: 'move', columns: ['d'], to: 'before', anchor: 'b' }], ['a', 'd', 'b', 'c']],
    ['move after', [{ op: 'move', columns: ['a'], to: 'after', anchor: 'c' }], ['b', 'c', 'a', 'd']],
    ['duplicate (beside the original)', [{ op: 'duplicate', column: 'b', as: 'b2' }], ['a', 'b', 'b2', 'c', 'd']],
    [
      'a sequence: rename, then move the new name, then drop',
      [
        { op: 'rename', from: 'd', to: 'Rating' },
        { op: 'move', columns: ['Rating'], to: 'start' },
        { op: 'drop', columns: ['b'] },
      ],
      ['Rating', 'a', 'c'],
    ],
  ])('%s', async (_name, ops, columns) => {
    const r = await run(...ops);
    expect(r.columns.out).toEqual(columns);
    expect(r.outputs.out).toHaveLength(2);
  });

  it('carries values with their columns', async () => {
    const r = await run({ op: 'rename', from: 'b', to: 'letter' }, { op: 'duplicate', column: 'a', as: 'a2' }, { op: 'move', columns: ['letter'], to: 'start' });
    expect(r.outputs.out).toEqual([
      { letter: 'x', a: 1, a2: 1, c: '10', d: 'a' },
      { letter: 'y', a: 2, a2: 2, c: 'n/a', d: 'b' },
    ]);
  });

  it('a duplicate of a cast column is cast too', async () => {
    const r = await run({ op: 'cast', columns: ['a'], type: 'VARCHAR' }, { op: 'duplicate', column: 'a', as: 'a_text' });
    expect(r.outputs.out!.map((row) => [row.a, row.a_text])).toEqual([
      ['1', '1'],
      ['2', '2'],
    ]);
  });

  it('cast with onError null turns bad values into NULL', async () => {
    const r = await run({ op: 'cast', columns: ['c'], type: 'INTEGER', onError: 'null' });
    expect(r.outputs.out!.map((row) => row.c)).toEqual([10, null]);
  });

  it('cast with onError fail stops on a bad value', async () => {
    await expect(run({ op: 'cast', columns: ['c'], type: 'INTEGER' })).rejects.toMatchObject({ code: 'E_QUERY_FAILED', blockId: 'b' });
  });

  it('casts several columns at once', async () => {
    const r = await run({ op: 'keep', columns: ['a', 'c'] }, { op: 'cast', columns: ['a', 'c'], type: 'DOUBLE', onError: 'null' });
    expect(r.outputs.out).toEqual([
      { a: 1, c: 10 },
      { a: 2, c: null },
    ]);
  });

  describe('errors', () => {
    it.each([
      ['drop', { op: 'drop', columns: ['nope'] }],
      ['keep', { op: 'keep', columns: ['a1', 'nope'] }],
      ['rename', { op: 'rename', from: 'nope', to: 'x' }],
      ['move', { op: 'move', columns: ['nope'], to: 'start' }],
      ['move anchor', { op: 'move', columns: ['a1'], to: 'after', anchor: 'nope' }],
      ['duplicate', { op: 'duplicate', column: 'nope', as: 'x' }],
      ['cast', { op: 'cast', columns: ['nope'], type: 'INTEGER' }],
    ])('a missing column in %s names the step', async (_name, op) => {
      const run2 = run({ op: 'rename', from: 'a', to: 'a1' }, op);
      await expect(run2).rejects.toMatchObject({ code: 'E_COLUMN_MISSING', blockId: 'b' });
      await expect(run2).rejects.toThrow(/"nope" does not exist in the columns at step 2/);
    });

    it('a column renamed away is missing in later steps', async () => {
      await expect(run({ op: 'rename', from: 'a', to: 'z' }, { op: 'drop', columns: ['a'] })).rejects.toThrow(/"a" does not exist in the columns at step 2/);
    });

    it.each([
      ['rename onto an existing column', { op: 'rename', from: 'a', to: 'b' }],
      ['duplicate onto an existing column', { op: 'duplicate', column: 'a', as: 'c' }],
    ])('%s is E_COLUMN_EXISTS', async (_name, op) => {
      await expect(run(op)).rejects.toMatchObject({ code: 'E_COLUMN_EXISTS' });
    });

    it('dropping every column is E_PARAMS_INVALID', async () => {
      await expect(run({ op: 'drop', columns: ['a', 'b'] }, { op: 'drop', columns: ['c', 'd'] })).rejects.toMatchObject({ code: 'E_PARAMS_INVALID' });
    });

    it('a move before/after without an anchor is E_PARAMS_INVALID', async () => {
      await expect(run({ op: 'move', columns: ['a'], to: 'before' })).rejects.toMatchObject({ code: 'E_PARAMS_INVALID' });
    });

    it('refuses a cast type outside the closed list', async () => {
      await expect(run({ op: 'cast', columns: ['a'], type: 'INTEGER); DROP TABLE t; --' })).rejects.toThrow();
      expect(await db.rows('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }]);
    });
  });
});
