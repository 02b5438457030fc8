import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';
import { concatBlock } from './definition';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE a AS SELECT * FROM (VALUES (1, 'x'), (2, 'y')) v(id, name)`);
  await db.sql(`CREATE TABLE b AS SELECT * FROM (VALUES ('y', 2, 0.5::DOUBLE), ('z', 3, 1.5::DOUBLE)) v(name, id, score)`);
  await db.sql(`CREATE TABLE c AS SELECT * FROM (VALUES (4)) v(id)`);
  await db.sql(`CREATE TABLE d AS SELECT * FROM (VALUES (1, 'x')) v(id, name)`);
  await db.sql(`CREATE TABLE odd1 AS SELECT * FROM (VALUES (1, 'q')) v("my col", "a""b")`);
  await db.sql(`CREATE TABLE odd2 AS SELECT * FROM (VALUES ('r', 'ü')) v("a""b", "größe")`);
});
afterAll(() => db.close());

const concat = (params: object) => ({ kind: 'concat' as const, params });

describe('concat', () => {
  it('stacks rows by column name; a missing column is NULL', async () => {
    const r = await runBlock(db, concat({}), { in1: 'a', in2: 'b' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'name', 'score']);
    expect(r.outputs.out).toEqual([
      { id: 1, name: 'x', score: null },
      { id: 2, name: 'y', score: 0.5 },
      { id: 2, name: 'y', score: null },
      { id: 3, name: 'z', score: 1.5 },
    ]);
  });

  it.each([
    [false, 4],
    [true, 3],
  ])('distinct=%s over duplicates gives %i rows', async (distinct, count) => {
    const r = await runBlock(db, concat({ inputs: 3, distinct }), { in1: 'a', in2: 'd', in3: 'c' }, { orderBy: 'all' });
    expect(r.outputs.out).toHaveLength(count);
  });

  it('adds a source column, last, naming each row’s port', async () => {
    const r = await runBlock(db, concat({ inputs: 4, sourceColumn: 'from' }), { in1: 'a', in2: 'b', in3: 'c', in4: 'd' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'name', 'score', 'from']);
    expect(r.outputs.out).toEqual([
      { id: 1, name: 'x', score: null, from: 'in1' },
      { id: 1, name: 'x', score: null, from: 'in4' },
      { id: 2, name: 'y', score: 0.5, from: 'in2' },
      { id: 2, name: 'y', score: null, from: 'in1' },
      { id: 3, name: 'z', score: 1.5, from: 'in2' },
      { id: 4, name: null, score: null, from: 'in3' },
    ]);
  });

  it('keeps rows from different inputs apart when distinct has a source column', async () => {
    const r = await runBlock(db, concat({ distinct: true, sourceColumn: 'src' }), { in1: 'a', in2: 'd' }, { orderBy: 'all' });
    expect(r.outputs.out).toHaveLength(3);
  });

  it('works with hostile column names', async () => {
    const r = await runBlock(db, concat({ sourceColumn: 'select "x"' }), { in1: 'odd1', in2: 'odd2' }, { orderBy: 'all' });
    expect(r.outputs.out).toEqual([
      { 'my col': 1, 'a"b': 'q', größe: null, 'select "x"': 'in1' },
      { 'my col': null, 'a"b': 'r', größe: 'ü', 'select "x"': 'in2' },
    ]);
  });

  it.each([['name'], ['NAME'], ['score']])('refuses a source column %s that exists (E_COLUMN_EXISTS)', async (sourceColumn) => {
    await expect(runBlock(db, concat({ sourceColumn }), { in1: 'a', in2: 'b' })).rejects.toMatchObject({ code: 'E_COLUMN_EXISTS' });
  });

  it.each([
    [2, ['in1', 'in2']],
    [4, ['in1', 'in2', 'in3', 'in4']],
  ])('%i inputs have ports %j', (inputs, ports) => {
    expect(concatBlock.inputs(concatBlock.params.parse({ inputs }))).toEqual(ports);
  });

  it.each([[1], [5], [2.5]])('rejects %s inputs', (inputs) => {
    expect(concatBlock.params.safeParse({ inputs }).success).toBe(false);
  });
});
