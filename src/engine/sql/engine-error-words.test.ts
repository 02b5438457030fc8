import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NativeRunner } from '../../cli/native-runner';
import { openTestDb, runBlock, type TestDb } from '../../testing/block-harness';
import { openWasmInNode } from '../../testing/wasm-in-node';
import { WasmRunner } from '../../worker/wasm-runner';
import type { WrangleError } from '../errors/catalog';
import { closestName } from './closest-name';

/** The same checks on the CLI's native DuckDB and on the studio's duckdb-wasm: both must say the same. */
async function openWasmTestDb(): Promise<TestDb> {
  const wasm = await openWasmInNode();
  const runner = await WasmRunner.open(wasm);
  // The harness uses only the SqlRunner methods both runners share.
  return { runner: runner as unknown as NativeRunner, dir: '', sql: (s) => runner.exec(s), rows: (q) => runner.query(q), close: () => void wasm.close() };
}

const engines: [string, () => Promise<TestDb>][] = [
  ['native DuckDB', openTestDb],
  ['duckdb-wasm', openWasmTestDb],
];

type Case = { kind: 'formula' | 'filter' | 'sql' | 'aggregate'; text: string; code: string; message: string; underlined?: string; from?: number };

const formula = (text: string) => ({ kind: 'formula' as const, params: { column: 'y', expression: text } });
const filter = (text: string) => ({ kind: 'filter' as const, params: { condition: text } });
const sql = (text: string) => ({ kind: 'sql' as const, params: { query: text, inputs: ['df'] } });
const aggregate = (text: string) => ({ kind: 'aggregate' as const, params: { groupBy: ['userId'], aggregations: [{ column: 'rating', fn: 'avg' as const }], filter: text } });
const blockOf = (c: Case) => (c.kind === 'formula' ? formula(c.text) : c.kind === 'filter' ? filter(c.text) : c.kind === 'aggregate' ? aggregate(c.text) : sql(c.text));

const cases: [string, Case][] = [
  ['a misspelt column', { kind: 'formula', text: 'ratng * 2', code: 'E_FORMULA_INVALID', message: 'Formula for "y": No column `ratng`. Did you mean `rating`?', underlined: 'ratng', from: 0 }],
  [
    'a misspelt column on the third line',
    { kind: 'formula', text: 'rating +\n  1 +\n  ratng', code: 'E_FORMULA_INVALID', message: 'Formula for "y": No column `ratng`. Did you mean `rating`?', underlined: 'ratng', from: 17 },
  ],
  [
    'a misspelt column after Windows line ends (DuckDB counts \\r as a line of its own)',
    { kind: 'formula', text: 'rating +\r\n\r\n  ratng', code: 'E_FORMULA_INVALID', message: 'Formula for "y": No column `ratng`. Did you mean `rating`?', underlined: 'ratng', from: 14 },
  ],
  [
    'a quoted name with a space, after a string that holds the same letters',
    { kind: 'formula', text: `'my coll' || "my coll"`, code: 'E_FORMULA_INVALID', message: 'Formula for "y": No column `my coll`. Did you mean `my col`?', underlined: '"my coll"', from: 13 },
  ],
  [
    'a misspelt column far along a long line (DuckDB cuts the line it shows)',
    { kind: 'formula', text: `${'rating + '.repeat(12)}ratng + ${'rating + '.repeat(12)}1`, code: 'E_FORMULA_INVALID', message: 'Formula for "y": No column `ratng`. Did you mean `rating`?', underlined: 'ratng', from: 108 },
  ],
  [
    'a misspelt column after accented text (the caret counts characters)',
    { kind: 'formula', text: `'héllo wörld' || ratng`, code: 'E_FORMULA_INVALID', message: 'Formula for "y": No column `ratng`. Did you mean `rating`?', underlined: 'ratng', from: 17 },
  ],
  ['a name nothing is close to', { kind: 'formula', text: 'zzz + 1', code: 'E_FORMULA_INVALID', message: 'Formula for "y": No column `zzz`. The columns are `userId`, `rating`, `my col`.', underlined: 'zzz', from: 0 }],
  ['an unknown function', { kind: 'formula', text: 'rating + nosuchfn(rating)', code: 'E_FORMULA_INVALID', message: 'Formula for "y": No function `nosuchfn`: check its name.', underlined: 'nosuchfn', from: 9 }],
  ['text where a number goes', { kind: 'formula', text: "rating + 'abc'", code: 'E_FORMULA_INVALID', message: "Formula for \"y\": The text 'abc' cannot be read as DOUBLE", underlined: "'abc'", from: 9 }],
  ['an aggregate in a formula', { kind: 'formula', text: 'count(*)', code: 'E_FORMULA_INVALID', message: 'Formula for "y": An aggregate (count, sum, avg…) gives one value for many rows' }],
  ['an expression that ends too early', { kind: 'formula', text: 'rating +', code: 'E_FORMULA_SYNTAX', message: 'Formula for "y": The expression ends too early: something is missing after `+`.', underlined: '+', from: 7 }],
  [
    'a multi-line expression that ends too early, before a trailing comment',
    { kind: 'formula', text: 'rating *\n  (1 +\n  -- more to come', code: 'E_FORMULA_SYNTAX', message: 'Formula for "y": The expression ends too early: something is missing after `+`.', underlined: '+', from: 14 },
  ],
  [
    'a token out of place after accented text (where the parser’s position is off)',
    { kind: 'formula', text: `'é' ) || 'x'`, code: 'E_FORMULA_SYNTAX', message: 'Formula for "y": `)` is out of place here: check what comes just before it.', underlined: ')', from: 4 },
  ],
  ['an unclosed quote', { kind: 'formula', text: "rating || 'abc", code: 'E_FORMULA_SYNTAX', message: "Formula for \"y\": A text opened with ' is never closed: add the closing '.", underlined: "'abc", from: 10 }],
  ['a filter condition', { kind: 'filter', text: 'ratng > 2', code: 'E_FORMULA_INVALID', message: 'Filter condition: No column `ratng`. Did you mean `rating`?', underlined: 'ratng', from: 0 }],
  ['a condition that ends too early', { kind: 'filter', text: 'rating >', code: 'E_FORMULA_SYNTAX', message: 'Filter condition: The condition ends too early: something is missing after `>`.', underlined: '>', from: 7 }],
  ['an aggregate’s filter', { kind: 'aggregate', text: 'rating > 1 AND ratng < 5', code: 'E_FORMULA_INVALID', message: 'Aggregate filter: No column `ratng`. Did you mean `rating`?', underlined: 'ratng', from: 15 }],
  ['a query on two lines', { kind: 'sql', text: 'SELECT userId,\n  ratng\nFROM df', code: 'E_SQL_INVALID', message: 'Query: No column `ratng`. Did you mean `rating`?', underlined: 'ratng', from: 17 }],
  ['a qualified name in a query', { kind: 'sql', text: 'SELECT df.ratng FROM df', code: 'E_SQL_INVALID', message: 'Query: No column `ratng` in `df`. Did you mean `rating`?' }],
  ['a query that ends too early', { kind: 'sql', text: 'SELECT rating FROM', code: 'E_SQL_INVALID', message: 'Query: The query ends too early: something is missing after `FROM`.', underlined: 'FROM', from: 14 }],
];

describe.each(engines)('user SQL errors in the user’s words, on %s', (_engine, open) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await open();
    await db.sql(`CREATE TABLE t AS SELECT * FROM (VALUES (1, 0.5::DOUBLE, 'x')) v(userId, rating, "my col")`);
  }, 60_000);
  afterAll(() => db.close());

  it.each(cases)('%s', async (_name, c) => {
    const error = (await runBlock(db, blockOf(c), c.kind === 'sql' ? { df: 't' } : { in: 't' }).then(
      () => undefined,
      (e: unknown) => e,
    )) as WrangleError;
    expect(error.code, error.message).toBe(c.code);
    expect(error.message.startsWith(c.message)).toBe(true);
    expect(error.message).not.toMatch(/Binder|Parser|LINE \d|position \d/);
    if (c.underlined === undefined) return;
    const param = { formula: 'expression', filter: 'condition', aggregate: 'filter', sql: 'query' }[c.kind];
    expect(error.span).toMatchObject({ param, text: c.text, from: c.from });
    expect(c.text.slice(error.span!.from, error.span!.to)).toBe(c.underlined);
  });
});

describe('closestName', () => {
  it('finds a name one or two letters off, and nothing for a name unlike any', () => {
    expect(closestName('ratng', ['userId', 'rating', 'ratings_count'])).toBe('rating');
    expect(closestName('MovieID', ['movieId', 'title'])).toBe('movieId');
    expect(closestName('x', ['id', 'y1'])).toBeUndefined();
    expect(closestName('genre', ['title', 'rating'])).toBeUndefined();
  });
});
