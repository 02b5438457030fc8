import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeRunner } from '../../cli/native-runner';
import { columnKey } from '../blocks/columns';
import { parseFlow } from '../flow/parse';
import { quoteIdent, quoteLiteral } from '../sql/quote';
import { openTestDb, runBlock, type TestDb } from '../../testing/block-harness';
import { FlowExecutor } from './executor';

/**
 * Column names a user can meet (quotes, keywords, `--`, `;`, `=1+2`, spaces around, unicode, names JavaScript
 * objects treat specially) through a flow of several block kinds, on real DuckDB: each name comes out of the
 * exports exactly as it went in.
 */
let dir: string;
let runner: NativeRunner;
const csv = () => join(dir, 'seed.csv');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wrangle-names-'));
  writeFileSync(csv(), 'id\n1\n');
  runner = await NativeRunner.open({ readableFiles: [csv()], writableDirectories: [dir], threads: 1 });
});
afterAll(() => {
  runner.close();
  rmSync(dir, { recursive: true, force: true });
});

const nasty = [
  'a', 'A', 'select', 'FROM', 'order', '"', '""', '"a"', "'", "it's", ';', '; DROP TABLE t', '--', '-- x', '/*', '*/',
  '=1+2', '+1', '-1', '@x', '\t=cmd', '1abc', ' lead', 'trail ', '  ', 'a,b', 'a\nb', 'é', 'É', '日本語', '🙂', 'x_0',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', '$1', '?', '\\', '%s', 'NULL', '*', 'rows_count', 'ö"\'`',
];

/** A name DuckDB can hold: not empty and no NUL (an identifier cannot be empty; see the import test for headers). */
const name = fc
  .oneof(fc.constantFrom(...nasty), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 6 }))
  .filter((n) => n.length > 0 && !n.includes('\u0000') && !n.includes('\r'));

/** Seven names that are different to DuckDB (which folds ASCII letters only), and differ from the join's suffixed names. */
const names = fc.uniqueArray(name, { minLength: 7, maxLength: 7, selector: columnKey }).filter((ns) => {
  const keys = new Set(ns.map(columnKey));
  return !keys.has(columnKey(`${ns[0]}_0`)) && !keys.has(columnKey(`${ns[0]}_1`));
});

/** The fields of a CSV file's first record (RFC 4180: quotes doubled, newlines inside quotes). */
function headerOf(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      fields.push(field);
      field = '';
    } else if (!quoted && ch === '\n') {
      break;
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/**
 * seed → sql (VALUES under the names) → formula (a new column) → manage-columns (rename, move) → export `mid`;
 * the same → aggregate (group by the key) → join back on the key → export `joined`.
 */
function flowOver(ns: string[]) {
  const [key, text, other, formulaCol, renamed, countCol, extra] = ns as [string, string, string, string, string, string, string];
  const values = `SELECT * FROM (VALUES (1, ${quoteLiteral('x')}, 10, 0), (2, ${quoteLiteral('y')}, 20, 0), (2, ${quoteLiteral('z')}, 30, 0)) AS v(${[key, text, other, extra].map(quoteIdent).join(', ')})`;
  const blocks = [
    { id: 'seed', kind: 'import', params: { input: 'seed', file: 'seed.csv' } },
    { id: 'values', kind: 'sql', params: { query: values } },
    { id: 'formula', kind: 'formula', params: { column: formulaCol, expression: `${quoteIdent(other)} * 2 + ${quoteIdent(key)}` } },
    {
      id: 'columns',
      kind: 'manage-columns',
      params: { operations: [{ op: 'rename', from: text, to: renamed }, { op: 'move', columns: [formulaCol], to: 'start' }] },
    },
    { id: 'mid', kind: 'export', params: { file: 'mid.csv', spreadsheetSafe: false } },
    { id: 'per_key', kind: 'aggregate', params: { groupBy: [key], aggregations: [{ column: renamed, fn: 'count', as: countCol }], filter: `${quoteIdent(other)} > 0` } },
    { id: 'join', kind: 'join', params: { type: 'inner', keys: [{ left: key, right: key }] } },
    { id: 'joined', kind: 'export', params: { file: 'joined.csv', spreadsheetSafe: false } },
  ];
  const edges = [
    ['seed', 'out', 'values', 'df'],
    ['values', 'out', 'formula', 'in'],
    ['formula', 'out', 'columns', 'in'],
    ['columns', 'out', 'mid', 'in'],
    ['columns', 'out', 'per_key', 'in'],
    ['columns', 'out', 'join', 'left'],
    ['per_key', 'out', 'join', 'right'],
    ['join', 'out', 'joined', 'in'],
  ].map(([fb, fp, tb, tp]) => ({ from: { block: fb, port: fp }, to: { block: tb, port: tp } }));
  const mid = [formulaCol, key, renamed, other, extra];
  const joined = [formulaCol, `${key}_0`, renamed, other, extra, `${key}_1`, countCol];
  return { flow: parseFlow({ format: 'wrangle-flow', version: 1, blocks, edges }), mid, joined };
}

let run = 0;
async function roundTrip(ns: string[]): Promise<void> {
  const { flow, mid, joined } = flowOver(ns);
  const out = join(dir, `run${++run}`);
  const result = await new FlowExecutor(runner).run(flow, {
    inputs: { seed: { path: csv(), fingerprint: 'seed' } },
    preset: 'inspect',
    sinkPath: (file) => `${out}-${file}`,
  });
  expect(result.blocks.filter((b) => b.error).map((b) => `${b.blockId}: ${b.error!.message}`)).toEqual([]);
  expect(headerOf(readFileSync(`${out}-mid.csv`, 'utf8'))).toEqual(mid);
  expect(headerOf(readFileSync(`${out}-joined.csv`, 'utf8'))).toEqual(joined);
  expect(result.blocks.find((b) => b.blockId === 'joined')?.report).toMatchObject({ rows: 3 });
}

/** Names for the source columns, then names for the columns the flow makes, which may clash with them but for case. */
const clashing = fc.uniqueArray(name, { minLength: 4, maxLength: 4, selector: columnKey }).chain((source) => {
  const flipCase = (n: string) => n.replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  const made = fc.oneof(name, fc.constantFrom(...source), fc.constantFrom(...source).map(flipCase));
  return fc.tuple(made, made, made).map((m) => [...source.slice(0, 3), ...m, source[3]!]);
});

/**
 * What the flow of flowOver must give, worked out by hand from the blocks' rules: a formula whose name is an
 * existing column's but for ASCII case replaces that column; a rename or an aggregate output that would clash is
 * E_COLUMN_EXISTS; a column no longer there is E_COLUMN_MISSING; the join suffixes names found on both sides.
 */
function expectedOutcome(ns: string[]): { mid: string[]; joined: string[] } | { code: string } {
  const [key, text, other, formulaCol, renamed, countCol, extra] = ns as [string, string, string, string, string, string, string];
  const k = columnKey;
  const cols = [key, text, other, extra];
  const replaced = cols.findIndex((c) => k(c) === k(formulaCol));
  if (replaced >= 0) cols[replaced] = formulaCol;
  else cols.push(formulaCol);
  const t = cols.indexOf(text);
  if (t < 0) return { code: 'E_COLUMN_MISSING' };
  if (cols.some((c, i) => i !== t && k(c) === k(renamed))) return { code: 'E_COLUMN_EXISTS' };
  cols[t] = renamed;
  if (!cols.includes(formulaCol)) return { code: 'E_COLUMN_MISSING' };
  const mid = [formulaCol, ...cols.filter((c) => c !== formulaCol)];
  if (!mid.includes(key)) return { code: 'E_COLUMN_MISSING' };
  if (k(key) === k(countCol)) return { code: 'E_COLUMN_EXISTS' };
  const right = [key, countCol];
  const inLeft = new Set(mid.map(k));
  const inRight = new Set(right.map(k));
  const joined = [...mid.map((n) => (inRight.has(k(n)) ? `${n}_0` : n)), ...right.map((n) => (inLeft.has(k(n)) ? `${n}_1` : n))];
  if (new Set(joined.map(k)).size !== joined.length) return { code: 'E_COLUMN_EXISTS' };
  return { mid, joined };
}

/** Exactly the names the rules give, or exactly the coded error they give: never a silent rename. */
async function sameAsTheRules(ns: string[]): Promise<void> {
  const { flow } = flowOver(ns);
  const out = join(dir, `clash${++run}`);
  const result = await new FlowExecutor(runner).run(flow, {
    inputs: { seed: { path: csv(), fingerprint: 'seed' } },
    preset: 'inspect',
    sinkPath: (file) => `${out}-${file}`,
  });
  const failed = result.blocks.find((b) => b.error);
  const got = failed
    ? { code: failed.error!.code }
    : { mid: headerOf(readFileSync(`${out}-mid.csv`, 'utf8')), joined: headerOf(readFileSync(`${out}-joined.csv`, 'utf8')) };
  expect(got, failed?.error?.message).toEqual(expectedOutcome(ns));
}

describe('headers on import, as DuckDB reads them (what the README promises)', () => {
  it('spaces around a name are trimmed, an empty header is named column<N>, a repeat (or one differing only in ASCII case) gets _1', async () => {
    const file = join(dir, 'headers.csv');
    writeFileSync(file, 'a,A,,x,x, sp ,select,=1+2,é,É\n1,2,3,4,5,6,7,8,9,10\n');
    const open = await NativeRunner.open({ readableFiles: [file], writableDirectories: [], threads: 1 });
    try {
      const flow = parseFlow({ format: 'wrangle-flow', version: 1, blocks: [{ id: 'h', kind: 'import', params: { input: 'h', file: 'headers.csv' } }], edges: [] });
      const result = await new FlowExecutor(open).run(flow, { inputs: { h: { path: file, fingerprint: 'h' } }, preset: 'inspect' });
      expect(result.blocks[0]!.outputs.out!.columns.map((c) => c.name)).toEqual(['a', 'A_1', 'column2', 'x', 'x_1', 'sp', 'select', '=1+2', 'é', 'É']);
    } finally {
      open.close();
    }
  });
});

describe('names that differ only in ASCII case are one name, as in DuckDB', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await db.sql(`CREATE TABLE l AS SELECT 1 AS a, 'x' AS "b", 'é' AS "é"`);
    await db.sql(`CREATE TABLE r AS SELECT 1 AS "A", 2 AS "É"`);
  });
  afterAll(() => db.close());

  it('a formula named A replaces column a in place, under the new spelling', async () => {
    const r = await runBlock(db, { kind: 'formula', params: { column: 'A', expression: 'a + 1' } }, { in: 'l' });
    expect(r.columns.out).toEqual(['A', 'b', 'é']);
    expect(r.outputs.out).toEqual([{ A: 2, b: 'x', é: 'é' }]);
  });

  it('renaming b to A beside a is E_COLUMN_EXISTS; renaming a to A is fine; É beside é is two names', async () => {
    const rename = (from: string, to: string) => runBlock(db, { kind: 'manage-columns', params: { operations: [{ op: 'rename', from, to }] } }, { in: 'l' });
    await expect(rename('b', 'A')).rejects.toMatchObject({ code: 'E_COLUMN_EXISTS', args: { column: 'A' } });
    expect((await rename('a', 'A')).columns.out).toEqual(['A', 'b', 'é']);
    expect((await rename('b', 'É')).columns.out).toEqual(['a', 'É', 'é']);
  });

  it('an aggregate output named A beside the group key a is E_COLUMN_EXISTS', async () => {
    const agg = { kind: 'aggregate' as const, params: { groupBy: ['a'], aggregations: [{ column: 'b', fn: 'count', as: 'A' }] } };
    await expect(runBlock(db, agg, { in: 'l' })).rejects.toMatchObject({ code: 'E_COLUMN_EXISTS' });
  });

  it('a join suffixes a on the left and A on the right', async () => {
    const r = await runBlock(db, { kind: 'join', params: { keys: [{ left: 'a', right: 'A' }] } }, { left: 'l', right: 'r' });
    expect(r.columns.out).toEqual(['a_0', 'b', 'é', 'A_1', 'É']);
  });
});

describe('hostile column names through a flow', () => {
  it('the nasty names, in a few fixed sets', async () => {
    await roundTrip(['select', '"a"', "it's", '=1+2', ' lead', '-- x', 'a']);
    await roundTrip(['__proto__', 'constructor', 'toString', 'a\nb', 'a,b', '日本語', '🙂']);
    await roundTrip(['A', 'é', 'É', ';', '*', 'trail ', 'rows_count']);
  });

  it('any names at all come out exactly as they went in (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(names, roundTrip), { numRuns: 60, seed: 11 });
  });

  it('names that clash but for case follow the rules: exact names or the coded error, never a silent rename (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(clashing, sameAsTheRules), { numRuns: 60, seed: 12 });
  });
});
