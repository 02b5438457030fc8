import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../testing/block-harness';
import { TranslationError } from './ast';
import { strftimePattern } from './datetime-format';
import { newNotes } from './notes';
import { translateSparkExpression } from './translate-expression';

let db: TestDb;

beforeAll(async () => {
  db = await openTestDb();
  await db.sql(`CREATE TABLE t AS SELECT * FROM (VALUES
    ('Hello World', 3, 2.5, DATE '2024-03-10', TIMESTAMP '2024-03-10 14:05:09', NULL::VARCHAR, 'a,b,c')
  ) AS v(s, n, x, d, ts, missing, csv)`);
});
afterAll(() => db.close());

/** Evaluates a translated Spark expression on the one-row table. */
async function evaluate(spark: string): Promise<unknown> {
  const { sql } = translateSparkExpression(spark);
  const rows = await db.rows(`SELECT ${sql} AS v FROM t`);
  return rows[0]!.v;
}

describe('Spark SQL expressions run on DuckDB with Spark semantics', () => {
  it.each([
    ['0.3*x + 0.1*n', 1.05],
    ['n / 2', 1.5],
    ['n div 2', 1],
    ['concat(s, \'!\', n)', 'Hello World!3'],
    ['concat(s, missing)', null],
    ["concat_ws('-', s, missing, n)", 'Hello World-3'],
    ['substring(s, 0, 5)', 'Hello'],
    ['substr(s, -5)', 'World'],
    ["instr(s, 'World')", 7],
    ["locate('o', s)", 5],
    ["locate('o', s, 6)", 8],
    ["nvl(missing, 'none')", 'none'],
    ['datediff(d, DATE(\'2024-03-01\'))', 9],
    ["datediff(d, '2024-03-01')", 9],
    ["date_format(ts, 'yyyy/MM/dd HH:mm')", '2024/03/10 14:05'],
    ["to_date('10.03.2024', 'dd.MM.yyyy') = d", true],
    ["unix_timestamp('2024-03-10 00:00:00')", 1710028800],
    ["unix_timestamp('10/03/2024', 'dd/MM/yyyy')", 1710028800],
    ['dayofweek(d)', 1],
    ['year(ts) * 100 + month(ts)', 202403],
    ['CASE WHEN n > 2 THEN "big" ELSE "small" END', 'big'],
    ["if(x > 2, 'yes', 'no')", 'yes'],
    ["CAST('12' AS INT) + 1", 13],
    ["CAST('abc' AS INT)", null],
    ['n BETWEEN 1 AND 3 AND NOT missing IS NOT NULL', true],
    ["s RLIKE '^Hel+o'", true],
    ["s NOT LIKE 'H%'", false],
    ['n IN (1, 2, 3)', true],
    ['log(exp(2))', 2],
    ['floor(x)', 2],
    ["regexp_replace(s, '(o)', '[$1]')", 'Hell[o] W[o]rld'],
    ["regexp_extract(s, '(W)(o)', 2)", 'o'],
    ["regexp_extract(s, 'W(or)')", 'or'],
    ['initcap(lower(s))', 'Hello World'],
    ['size(split(csv, \',\'))', 3],
    ['`n` + 1L', 4],
    ['missing <=> NULL', true],
    ["lpad(n, 3, '0')", '003'],
  ])('%s', async (spark, expected) => {
    const value = await evaluate(spark);
    if (typeof expected === 'number') expect(Number(value)).toBeCloseTo(expected, 9);
    else expect(value).toBe(expected);
  });

  it('flags current_timestamp and rand as non-deterministic, and unix_timestamp(current_timestamp()) gives seconds now', async () => {
    const notes = newNotes();
    const { sql } = translateSparkExpression('unix_timestamp(current_timestamp())', notes);
    expect([...notes.nondeterministic]).toEqual(['unix_timestamp(current_timestamp())']);
    const [row] = await db.rows(`SELECT ${sql} AS v`);
    expect(typeof row!.v === 'bigint' || typeof row!.v === 'number').toBe(true);
    expect(Math.abs(Number(row!.v) - Date.now() / 1000)).toBeLessThan(3600);
    const r = translateSparkExpression('rand(7) < 0.5');
    expect([...r.notes.nondeterministic]).toEqual(['rand()']);
    expect([...r.notes.approximations].join()).toMatch(/seed/);
  });

  it('refuses what it cannot translate with a reason that names it', () => {
    expect(() => translateSparkExpression('months_between(d, ts)')).toThrow(/months_between\(\) has no DuckDB translation/);
    expect(() => translateSparkExpression('n +')).toThrow(TranslationError);
    expect(() => translateSparkExpression("'open")).toThrow(/unterminated string/);
    expect(() => translateSparkExpression("date_format(ts, 'QQQ')")).toThrow(/date pattern letter "Q"/);
  });

  it('keeps hostile names and strings inside their quotes', async () => {
    const { sql } = translateSparkExpression("concat(`we\"ird`, 'it\\'s', \"x'); DROP TABLE t; --\")");
    await db.sql('CREATE OR REPLACE TABLE h AS SELECT 1 AS "we""ird"');
    const [row] = await db.rows(`SELECT ${sql} AS v FROM h`);
    expect(row!.v).toBe("1it'sx'); DROP TABLE t; --");
  });
});

describe('strftimePattern', () => {
  it('converts Java date patterns, quoted text included', () => {
    expect(strftimePattern("yyyy-MM-dd'T'HH:mm:ss.SSS")).toBe('%Y-%m-%dT%H:%M:%S.%g');
    expect(strftimePattern('EEE, d MMM yy')).toBe('%a, %-d %b %y');
  });
});
