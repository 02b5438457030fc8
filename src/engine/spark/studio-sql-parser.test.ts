import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral } from '../sql/quote';
import { EXPRESSION_PREFIX, NotTranslatable, translateExpression } from './duckdb-to-spark';
import { translateQuery } from './query-to-spark';
import { serializeStudioSql } from './studio-query-parser';

/**
 * The studio's SQL parser against DuckDB's own (`json_serialize_sql`, native): each expression and simple query must
 * translate to the same Spark SQL from both trees, or be refused by both. The studio may refuse more (listed apart),
 * never translate differently.
 */

const same = [
  '0.3*valence + 0.1*liveness + 0.1*energy',
  'Rating = 5',
  'score * 2 + n / 4 - 0.5',
  '1 / n + n % 3',
  "CASE WHEN score > 0.5 THEN upper(grp) ELSE coalesce(name, 'none') || '!' END",
  "length(trim(name)) + abs(n - 2) + greatest(n, 2) + year(day) + CAST(replace(CAST(id AS VARCHAR), '1', '9') AS INTEGER)",
  'round(score * 10, 1)',
  "concat(name, '/', grp) || lower(coalesce(grp, 'Z'))",
  "score >= 0.3 AND grp <> 'b' OR name IS NULL",
  "name LIKE 'A%' OR id IN (1, 2, 3) OR n BETWEEN 2 AND 3 AND NOT (grp IS NULL)",
  'a AND b AND (c AND d) OR e OR (f OR g)',
  'NOT a = b',
  'NOT (a <= b)',
  'NOT a IN (1, 2)',
  'NOT x LIKE \'a\'',
  "x NOT LIKE 'a%' AND y NOT ILIKE '%b' AND z ILIKE 'c'",
  'x NOT BETWEEN 1 AND 2',
  'x NOT IN (1, 2)',
  'NOT NOT x',
  'x IS NOT NULL AND y ISNULL AND z NOTNULL',
  'a = b IS NULL',
  'x IS DISTINCT FROM y OR x IS NOT DISTINCT FROM z',
  '-5 + - x - -2.50 + -(3) + +x',
  '- 2 ^ 2',
  '2 * 3 ^ 2 // 4',
  'x::INT + y::DOUBLE + TRY_CAST(z AS BIGINT) + CAST(w AS VARCHAR(3))::INTEGER',
  'CAST(d AS DATE) = CAST(t AS TIMESTAMP)',
  'TRUE AND FALSE OR NULL IS NULL',
  "CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' END",
  'CASE WHEN x THEN 1 ELSE 2 END',
  '1e3 + 1.5e-3 + .5 + 1. + 007 + 2147483648',
  "'it''s' || \"Weird \"\"Col\"\"\" || t.x",
  'ifnull(a, b) + nullif(a, b)',
  "IF(x > 1, 'big', 'small')",
  'log(x) + log(2, x) + ln(x) + pow(x, 2) + sqrt(x) + exp(x)',
  "starts_with(s, 'a') OR contains(s, 'b') OR strpos(s, 'c') > 0",
  "left(s, 2) || right(s, 2) || reverse(s) || substr(s, 1, 2)",
  'x -- a comment\n + /* another */ y',
  'Ágnes + "ß"',
  "{'rank': r, reg: x + 1, \"Cv Rmse\": {'inner': 'it''s'}}",
  'struct_pack(a := 1, "B" := n * 2)',
  // Refused by both: the translator has no translation.
  'md5_number(genre) % 2',
  'energy + list_sum([1, 2])',
  "strftime(d, '%Y')",
  'CAST(t AS TIME)',
  'count(*) + count(DISTINCT x)',
  'struct_pack(x)',
  '{}',
  'a b',
  '*',
];

/** What only the studio refuses (the CLI translates or refuses them by DuckDB's own tree). */
const studioOnly = ['main.lower(x)', "E'\\n' || x", 'x[1]', 'EXISTS (SELECT 1)', "x LIKE 'a!%' ESCAPE '!'", '9007199254740993', '1234567890.1234567', '1 < 2 < 3'];

function outcome(text: string, tree: () => string): string {
  return outcomeOf(() => translateExpression(text, tree()));
}

describe('the studio’s SQL parser gives DuckDB’s tree', () => {
  let serialize: (sql: string) => Promise<string>;

  beforeAll(async () => {
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    serialize = async (sql) => String((await connection.runAndReadAll(`SELECT json_serialize_sql(${quoteLiteral(sql)}) AS t`)).getRowObjects()[0]!.t);
  });

  it.each(same)('%s', async (text) => {
    const cliTree = await serialize(`${EXPRESSION_PREFIX}${text}`);
    const cli = outcome(text, () => cliTree);
    const studio = outcome(text, () => serializeStudioSql(`${EXPRESSION_PREFIX}${text}`));
    // A refusal may name another construct when the studio stops earlier (at `[`, say); a translation is the CLI's.
    if (cli.startsWith('refused') && studio.startsWith('refused')) return;
    expect(studio).toBe(cli);
  });

  it.each(studioOnly)('refuses %s with the reason', (text) => {
    expect(() => serializeStudioSql(`${EXPRESSION_PREFIX}${text}`)).toThrow(NotTranslatable);
  });

  it.each(queries)('query: %s', async (text) => {
    const tables = new Map([['df', 'view_df'], ['playlists', 'view_playlists']]);
    const cliTree = await serialize(text);
    const cli = outcomeOf(() => translateQuery(text, cliTree, tables));
    expect(outcomeOf(() => translateQuery(text, serializeStudioSql(text), tables))).toBe(cli);
    expect(cli).not.toMatch(/^refused/);
  });

  it.each(studioOnlyQueries)('refuses the query %s, saying where it can be translated', (text) => {
    expect(() => serializeStudioSql(text)).toThrow(/json_serialize_sql.*wrangle pyspark/);
  });
});

/** Simple queries, as most sql blocks are: the studio's tree translates as DuckDB's does. */
const queries = [
  "SELECT user_id || '/' || playlistname AS playlist, artistname || ' – ' || trackname AS track, position, 1.0 AS weight FROM playlists",
  'SELECT grp, count(*) AS rows, count(DISTINCT n) AS ns, avg(score) AS mean_score, max(name) AS top FROM df WHERE n > 0 GROUP BY grp HAVING count(*) > 1 ORDER BY grp',
  'SELECT *, n * 2 AS twice FROM df ORDER BY score DESC, id LIMIT 10 OFFSET 5',
  'SELECT DISTINCT t.grp g, t.* FROM df t WHERE t.n IS NOT NULL ORDER BY 1 DESC NULLS FIRST, g ASC NULLS LAST LIMIT 3',
  'select "Weird col" AS "out put", min(x) AS m from DF as d group by all',
  "SELECT {'rank': n, 'score': score * 2, 'nested': {'g': grp}} AS best, struct_pack(a := id) AS s FROM df",
  "SELECT m.score, {'rank': b.n, 'grp': b.grp} AS best FROM df m, playlists b",
  'SELECT * FROM df CROSS JOIN playlists p, df AS d WHERE p.x = d.id',
];

/** What only the studio refuses: joins on a condition, subqueries, WITH, set operations. */
const studioOnlyQueries = [
  'SELECT a.id AS i FROM df a JOIN df b ON a.id = b.id',
  'SELECT a.id FROM df a LEFT JOIN df b USING (id)',
  'SELECT id FROM (SELECT id FROM df) s',
  'WITH q AS (SELECT 1 AS x) SELECT x FROM q',
  'SELECT id FROM df UNION ALL SELECT id FROM df',
];

function outcomeOf(translate: () => string): string {
  try {
    return translate();
  } catch (e) {
    if (e instanceof NotTranslatable) return `refused: ${e.construct} at ${e.position}`;
    throw e;
  }
}
