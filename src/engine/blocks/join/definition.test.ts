import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinBlock } from './definition';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE l AS SELECT * FROM (VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)) v(id, name, x)`);
  await db.sql(`CREATE TABLE r AS SELECT * FROM (VALUES (1, 'A'), (3, 'C'), (4, 'D')) v(id, name)`);
});
afterAll(() => db.close());

const join = (type: string, keys = [{ left: 'id', right: 'id' }]) => ({ kind: 'join' as const, params: { type, keys } });

describe('join', () => {
  it.each([
    ['inner', 2, ['id_0', 'name_0', 'x', 'id_1', 'name_1']],
    ['left', 3, ['id_0', 'name_0', 'x', 'id_1', 'name_1']],
    ['right', 3, ['id_0', 'name_0', 'x', 'id_1', 'name_1']],
    ['full', 4, ['id_0', 'name_0', 'x', 'id_1', 'name_1']],
    ['semi', 2, ['id', 'name', 'x']],
    ['anti', 1, ['id', 'name', 'x']],
  ])('%s join gives %i rows with Data Wrangler names', async (type, count, cols) => {
    const r = await runBlock(db, join(type), { left: 'l', right: 'r' }, { orderBy: 'all' });
    expect(r.outputs.out).toHaveLength(count);
    expect(r.columns.out).toEqual(cols);
  });

  it('matches rows on the key', async () => {
    const r = await runBlock(db, join('inner'), { left: 'l', right: 'r' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { id_0: 1, name_0: 'a', x: 10, id_1: 1, name_1: 'A' },
      { id_0: 3, name_0: 'c', x: 30, id_1: 3, name_1: 'C' },
    ]);
  });

  it('cross join needs no key', async () => {
    const r = await runBlock(db, join('cross', []), { left: 'l', right: 'r' });
    expect(r.outputs.out).toHaveLength(9);
  });

  it('joins on several keys', async () => {
    const r = await runBlock(db, join('inner', [{ left: 'id', right: 'id' }, { left: 'name', right: 'name' }]), { left: 'l', right: 'r' });
    expect(r.outputs.out).toHaveLength(0);
  });

  it('names the side of a missing key (E_JOIN_KEY_MISSING)', async () => {
    await expect(runBlock(db, join('inner', [{ left: 'id', right: 'nope' }]), { left: 'l', right: 'r' })).rejects.toMatchObject({
      code: 'E_JOIN_KEY_MISSING',
      message: expect.stringContaining('right input'),
    });
  });

  it('a key renamed upstream: names the block it comes from, the closest column, and the key’s field', () => {
    const left = { ref: 'l', columns: [{ name: 'movie_id', type: 'BIGINT' }, { name: 'rating', type: 'DOUBLE' }], from: 'Rename movieId' };
    const right = { ref: 'r', columns: [{ name: 'movieId', type: 'BIGINT' }], from: 'movies' };
    const params = joinBlock.params.parse({ keys: [{ left: 'movieId', right: 'movieId' }] });
    const compile = () => joinBlock.compile({ blockId: 'j', params, inputs: { left, right }, fitted: undefined, files: { inputPath: (n) => n } });
    expect(compile).toThrow(
      'The left input, from block "Rename movieId", has no column "movieId" to join on (was it renamed or dropped upstream?). Did you mean "movie_id"? Choose the left key again.',
    );
    expect(catchError(compile)).toMatchObject({ code: 'E_JOIN_KEY_MISSING', span: { param: 'keys.0.left', text: 'movieId', from: 0, to: 7 } });
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
