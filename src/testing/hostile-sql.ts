/**
 * A corpus of user SQL, hostile and harmless, with what the check (src/engine/sql/user-sql-guard.ts) must answer.
 * The SqlRunner contract runs it on every engine: the same verdict, code and position from each is the proof that
 * the studio and the CLI refuse the same things.
 */
import { isWrangleError, type ErrorCode } from '../engine/errors/catalog';
import type { SqlRunner } from '../engine/sql/sql-runner';
import { checkUserSql, type UserSql } from '../engine/sql/user-sql-guard';

/** `ok`, or the error code and the text at the reported position (its 1-based index is what is compared). */
export type Verdict = 'ok' | { code: ErrorCode; at?: string };

const expression = (text: string): UserSql => ({ as: 'expression', text, what: 'Formula for "x"', param: 'expression' });
const query = (text: string): UserSql => ({ as: 'query', text, tables: ['df'], param: 'query' });

const SYNTAX: ErrorCode = 'E_FORMULA_SYNTAX';
const REFUSED: ErrorCode = 'E_SQL_REFUSED';
const NOT_SELECT: ErrorCode = 'E_SQL_NOT_SELECT';
const INVALID: ErrorCode = 'E_SQL_INVALID';

export const hostileSqlCorpus: [string, UserSql, Verdict][] = [
  // Expressions that are fine, however they are quoted.
  ['arithmetic', expression('valence * 2'), 'ok'],
  ['a quoted name with a doubled quote', expression('"a ""b" + 1'), 'ok'],
  ['; and ) inside a string', expression("length('a;b)c')"), 'ok'],
  ['a trailing comment', expression('id + 1 -- plus one'), 'ok'],
  ['a dollar-quoted string holding )', expression("$$ ) $$ || 'x'"), 'ok'],
  ["an E'' string with an escaped quote", expression("E'\\'' || 'x'"), 'ok'],
  ['CASE', expression("CASE WHEN x > 1 THEN 'a' ELSE 'b' END"), 'ok'],
  ['a lambda', expression('list_transform([1, 2], v -> v + 1)'), 'ok'],
  ['IS DISTINCT FROM', expression('x IS DISTINCT FROM y'), 'ok'],
  ['GLOB, the operator', expression("name GLOB ('a*')"), 'ok'],
  ['a subquery that reads no table', expression('(SELECT 1)'), 'ok'],
  ['a column named like a reader', expression('"read_csv" + 1'), 'ok'],
  ['unicode', expression("'héllo' || \"Ünï\""), 'ok'],
  // Expressions that are not one expression.
  ['an unbalanced )', expression('1 +)'), { code: SYNTAX, at: ')' }],
  ['a second statement', expression('1; DROP TABLE t'), { code: SYNTAX }],
  ['an unterminated string', expression("'abc"), { code: SYNTAX }],
  ['an unclosed (', expression('(1 + 2'), { code: SYNTAX }],
  ['an alias', expression('1 AS y'), { code: SYNTAX, at: 'AS' }],
  ['a FROM clause', expression('1 FROM t'), { code: SYNTAX, at: 'FROM' }],
  ['a bare SELECT', expression('SELECT 1'), { code: SYNTAX, at: 'SELECT' }],
  ['an empty expression after a comment', expression('-- nothing'), { code: SYNTAX }],
  ['closing its parenthesis', expression("1) AS y FROM read_csv('/etc/passwd') --"), { code: SYNTAX, at: ')' }],
  ["an E'' string that hides a closing parenthesis", expression("E'\\'' ) AS y, (SELECT 1 --'"), { code: SYNTAX, at: ')' }],
  ['a NUL character', expression("'a' || '\u0000' || read_text('x')"), { code: SYNTAX }],
  // Expressions that call what a flow may not.
  ['read_csv', expression("(SELECT count(*) FROM read_csv('/etc/passwd'))"), { code: REFUSED, at: 'read_csv' }],
  ['read_csv, quoted in capitals', expression('(SELECT count(*) FROM "READ_CSV"(\'/etc/passwd\'))'), { code: REFUSED, at: '"READ_CSV"' }],
  ['read_text with a comment before (', expression("(SELECT count(*) FROM read_text /* x */ ('/etc/hostname'))"), { code: REFUSED, at: 'read_text' }],
  ['a URL', expression("(SELECT count(*) FROM read_text('https://example.com/'))"), { code: REFUSED, at: 'read_text' }],
  ['current_setting', expression("current_setting('threads')"), { code: REFUSED, at: 'current_setting' }],
  ['getenv', expression("getenv('HOME')"), { code: REFUSED, at: 'getenv' }],
  ['query()', expression("(SELECT * FROM query('SELECT 1'))"), { code: REFUSED, at: 'query' }],
  ['a catalog function', expression('(SELECT count(*) FROM duckdb_settings())'), { code: REFUSED, at: 'duckdb_settings' }],
  ['a reader after unicode text', expression("'héllo' || (SELECT content FROM read_text('x'))"), { code: REFUSED, at: 'read_text' }],
  ['a table', expression('(SELECT max(x) FROM df)'), { code: REFUSED, at: 'df' }],
  ['a file in FROM', expression("(SELECT count(*) FROM 'x.csv')"), { code: REFUSED, at: "'x.csv'" }],
  ['the settings view', expression('(SELECT setting FROM pg_settings LIMIT 1)'), { code: REFUSED, at: 'pg_settings' }],
  // Queries that are fine.
  ['a query over df', query('SELECT userId FROM df'), 'ok'],
  ['an input named in capitals', query('SELECT * FROM DF'), 'ok'],
  ['WITH', query('WITH five AS (SELECT * FROM df) SELECT * FROM five'), 'ok'],
  ['FROM-first', query('FROM df SELECT userId'), 'ok'],
  ['VALUES', query('VALUES (1, 2)'), 'ok'],
  ['a leading comment', query('-- c\nSELECT 1'), 'ok'],
  ['a CTE named like a file', query('WITH "x.csv" AS (SELECT 1) SELECT * FROM "x.csv"'), 'ok'],
  ['DESCRIBE an input', query('DESCRIBE df'), 'ok'],
  // Queries that are not one query.
  ['two statements', query('SELECT 1; SELECT 2'), { code: INVALID }],
  ['a dangling operator', query('SELECT 1 +'), { code: INVALID }],
  ['closing the subquery', query('SELECT 1) UNION ALL (SELECT 2'), { code: INVALID, at: ')' }],
  ['only a comment', query('-- nothing'), { code: INVALID }],
  ['a NUL that would cut the text short', query("SELECT 1 AS x\u0000; COPY df TO 'x.csv'"), { code: INVALID }],
  ['a trailing ;', query('SELECT 1;'), { code: NOT_SELECT, at: ';' }],
  ['COPY', query("COPY df TO '/tmp/x.csv'"), { code: NOT_SELECT }],
  ['ATTACH', query("ATTACH '/tmp/x.duckdb' AS x"), { code: NOT_SELECT }],
  ['DETACH', query('DETACH x'), { code: NOT_SELECT }],
  ['INSTALL', query('INSTALL httpfs'), { code: NOT_SELECT }],
  ['LOAD', query('LOAD httpfs'), { code: NOT_SELECT }],
  ['SET', query('SET enable_external_access = true'), { code: NOT_SELECT }],
  ['RESET', query('RESET threads'), { code: NOT_SELECT }],
  ['SET VARIABLE', query('SET VARIABLE v = 1'), { code: NOT_SELECT }],
  ['PRAGMA', query('PRAGMA database_list'), { code: NOT_SELECT }],
  ['EXPORT DATABASE', query("EXPORT DATABASE '/tmp/x'"), { code: NOT_SELECT }],
  ['IMPORT DATABASE', query("IMPORT DATABASE '/tmp/x'"), { code: NOT_SELECT }],
  ['CALL', query('CALL pragma_version()'), { code: NOT_SELECT }],
  ['CREATE', query('CREATE TABLE t AS SELECT 1'), { code: NOT_SELECT }],
  ['INSERT', query('INSERT INTO df VALUES (1)'), { code: NOT_SELECT }],
  ['CHECKPOINT', query('CHECKPOINT'), { code: NOT_SELECT }],
  ['EXPLAIN', query('EXPLAIN SELECT 1'), { code: NOT_SELECT }],
  // Queries that read what a flow may not.
  ['read_csv', query("SELECT * FROM read_csv('/etc/passwd')"), { code: REFUSED, at: 'read_csv' }],
  ['read_parquet of a URL', query("SELECT * FROM read_parquet('https://example.com/x.parquet')"), { code: REFUSED, at: 'read_parquet' }],
  ['glob', query("SELECT * FROM glob('/*')"), { code: REFUSED, at: 'glob' }],
  ['query_table', query("SELECT * FROM query_table('df')"), { code: REFUSED, at: 'query_table' }],
  ['a reader in a join', query("SELECT * FROM df JOIN read_csv('x.csv') USING (k)"), { code: REFUSED, at: 'read_csv' }],
  ['a reader in a subquery', query("SELECT * FROM df WHERE x IN (SELECT y FROM read_json('y.json'))"), { code: REFUSED, at: 'read_json' }],
  ['a method-style call', query('SELECT x.read_text() FROM df'), { code: REFUSED, at: 'x.read_text' }],
  ['a qualified call', query("SELECT * FROM main.read_csv('x.csv')"), { code: REFUSED, at: 'main.read_csv' }],
  ['a file in FROM', query("SELECT * FROM '/etc/passwd'"), { code: REFUSED, at: "'/etc/passwd'" }],
  ['a quoted file name in FROM', query('SELECT * FROM "data.csv"'), { code: REFUSED, at: '"data.csv"' }],
  ['a URL in FROM', query("SELECT * FROM 'https://example.com/x.csv'"), { code: REFUSED, at: "'https://" }],
  ['a file in a subquery', query("SELECT * FROM df WHERE x IN (SELECT y FROM 'z.csv')"), { code: REFUSED, at: "'z.csv'" }],
  ['a CTE used before it is defined', query('WITH a AS (SELECT * FROM "x.csv"), "x.csv" AS (SELECT 1) SELECT * FROM a'), { code: REFUSED, at: '"x.csv"' }],
  ['another table', query('SELECT * FROM df, other_table'), { code: REFUSED, at: 'other_table' }],
  ['a qualified name', query('SELECT * FROM main.df'), { code: REFUSED, at: 'main.df' }],
  ['the settings view', query('SELECT * FROM pg_catalog.pg_settings'), { code: REFUSED, at: 'pg_catalog' }],
  ['information_schema', query('SELECT * FROM information_schema.tables'), { code: REFUSED, at: 'information_schema' }],
  ['sqlite_master', query('SELECT * FROM sqlite_master'), { code: REFUSED, at: 'sqlite_master' }],
  ['a catalog function', query('SELECT * FROM duckdb_settings()'), { code: REFUSED, at: 'duckdb_settings' }],
  ['current_setting', query("SELECT current_setting('allowed_directories') FROM df"), { code: REFUSED, at: 'current_setting' }],
  ['a catalog name as text (refused by both engines)', query("SELECT * FROM df WHERE name = 'pg_settings'"), { code: REFUSED, at: "'pg_settings'" }],
];

/** A verdict as compared: `ok`, or the code with the 1-based position where the case names one. */
export type Comparable = 'ok' | { code: ErrorCode; position?: number };

/** What the check answers for one case, in the terms the corpus states it (the position only where `at` is given). */
export async function verdictOf(runner: SqlRunner, sql: UserSql, expected: Verdict): Promise<Comparable> {
  try {
    await checkUserSql(runner, sql);
    return 'ok';
  } catch (e) {
    if (!isWrangleError(e)) return { code: 'E_QUERY_FAILED' };
    if (expected === 'ok' || expected.at === undefined) return { code: e.code };
    // A refusal names its position; a syntax error underlines where the parser stopped (its span).
    const position = e.args.position ?? (e.span ? e.span.from + 1 : undefined);
    return { code: e.code, ...(position !== undefined ? { position: Number(position) } : {}) };
  }
}

/** The verdict a case expects, with `at` turned into the 1-based position the check reports. */
export function expectedVerdict(sql: UserSql, verdict: Verdict): Comparable {
  if (verdict === 'ok') return 'ok';
  if (verdict.at === undefined) return { code: verdict.code };
  return { code: verdict.code, position: sql.text.indexOf(verdict.at) + 1 };
}
