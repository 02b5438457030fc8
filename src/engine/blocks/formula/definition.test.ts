import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, runBlock, type TestDb } from '../../../testing/block-harness';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE t AS SELECT * FROM (VALUES (1, 0.5::DOUBLE, 2.0::DOUBLE), (2, 1.0, 4.0)) v(id, valence, "a ""b")`);
});
afterAll(() => db.close());

const formula = (column: string, expression: string) => ({ kind: 'formula' as const, params: { column, expression } });

describe('formula', () => {
  it('adds a new column at the end', async () => {
    const r = await runBlock(db, formula('double_valence', 'valence * 2'), { in: 't' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'valence', 'a "b', 'double_valence']);
    expect(r.outputs.out!.map((row) => row.double_valence)).toEqual([1, 2]);
  });

  it('replaces an existing column in place', async () => {
    const r = await runBlock(db, formula('valence', 'valence + 10'), { in: 't' }, { orderBy: 'all' });
    expect(r.columns.out).toEqual(['id', 'valence', 'a "b']);
    expect(r.outputs.out!.map((row) => row.valence)).toEqual([10.5, 11]);
  });

  it.each([
    ['reads a hostile column name', 'x', '"a ""b" + 1', [3, 5]],
    ['writes a hostile column name', 'it\'s "new"', 'id * 100', [100, 200]],
    ['keeps a trailing comment out of the query', 'y', 'id + 1 -- plus one', [2, 3]],
    ['takes a string with ; and ) inside quotes', 'y', "length('a;b)c')", [5, 5]],
    ['takes a dollar-quoted string holding ) and --', 'y', 'length($$ ) -- $$)', [6, 6]],
    ["takes an E'' string with an escaped quote", 'y', "length(E'it\\'s')", [4, 4]],
  ])('%s', async (_name, column, expression, values) => {
    const r = await runBlock(db, formula(column, expression), { in: 't' }, { orderBy: 'all' });
    expect(r.outputs.out!.map((row) => row[column])).toEqual(values);
  });

  it.each([
    ['an unbalanced parenthesis', '1 +)'],
    ['a second statement', '1; DROP TABLE t'],
    ['an unterminated string', "'abc"],
    ['an unterminated quoted name', '"valence'],
    ['an unclosed parenthesis', '(1 + 2'],
    ['an unterminated block comment', '1 /* oops'],
    ['an unknown operator', 'valence +* 2'],
    ['a dangling operator (parser)', '1 +'],
    ['two names in a row (parser)', 'valence valence'],
    ['an empty expression after a comment', '-- nothing'],
  ])('%s is E_FORMULA_SYNTAX', async (_name, expression) => {
    const run = runBlock(db, formula('y', expression), { in: 't' });
    await expect(run).rejects.toMatchObject({ code: 'E_FORMULA_SYNTAX', blockId: 'b' });
    await expect(run).rejects.toThrow(/Formula for "y"/);
  });

  it("an E'' string cannot hide a closing parenthesis from the check (the engine's lexer decides, not ours)", async () => {
    // DuckDB reads E'\'' as one string, so the `)` after it closes the formula's parenthesis.
    const run = runBlock(db, formula('y', "E'\\'' ) AS y, (SELECT 1 --'"), { in: 't' });
    await expect(run).rejects.toMatchObject({ code: 'E_FORMULA_SYNTAX', span: { param: 'expression', from: 6, to: 7 } });
    await expect(run).rejects.toThrow('Formula for "y": `)` is out of place here');
  });

  it.each([
    ['a file read', "(SELECT count(*) FROM read_csv('/etc/passwd'))", 'read_csv', 23],
    ['a quoted reader in capitals', '(SELECT count(*) FROM "READ_TEXT"(\'/etc/hostname\'))', 'read_text', 23],
    ['a setting', "current_setting('threads')", 'current_setting', 1],
    ['another table', '(SELECT max(id) FROM t)', 't', 22],
  ])('refuses %s with E_SQL_REFUSED and its position', async (_name, expression, name, position) => {
    const run = runBlock(db, formula('y', expression), { in: 't' });
    await expect(run).rejects.toMatchObject({ code: 'E_SQL_REFUSED', args: { name, position } });
    await expect(run).rejects.toThrow(/^Formula for "y" (calls|reads)/);
  });

  it('a DROP smuggled after ; never runs', async () => {
    await expect(runBlock(db, formula('y', '1) FROM t; DROP TABLE t; SELECT (1'), { in: 't' })).rejects.toMatchObject({
      code: 'E_FORMULA_SYNTAX',
    });
    expect(await db.rows('SELECT count(*) AS n FROM t')).toEqual([{ n: 2 }]);
  });

  it.each([
    ['an unknown column', 'nope + 1'],
    ['an unknown function', 'no_such_fn(valence)'],
  ])('%s is E_FORMULA_INVALID', async (_name, expression) => {
    await expect(runBlock(db, formula('y', expression), { in: 't' })).rejects.toMatchObject({ code: 'E_FORMULA_INVALID', blockId: 'b' });
  });
});
