import type { Node } from './duckdb-to-spark';
import { EXPRESSION_PREFIX } from './duckdb-to-spark';
import { ExpressionParser } from './studio-expression-parser';
import { tokenize } from './studio-tokenizer';

/**
 * The studio's reading of a `sql` block's query, in `json_serialize_sql`'s shape, for the simple form most blocks
 * have: SELECT [DISTINCT] items FROM inputs [alias], side by side (a cross join) [WHERE] [GROUP BY (ALL)] [HAVING]
 * [ORDER BY] [LIMIT [OFFSET]]. Joins on a condition, subqueries, WITH and set operations are refused here (by name and position); `wrangle pyspark`, which has
 * DuckDB's parser, translates them.
 */

/** Words after which a name is not an implicit alias. */
const CLAUSE_WORDS = new Set('FROM WHERE GROUP HAVING ORDER LIMIT OFFSET QUALIFY WINDOW UNION EXCEPT INTERSECT JOIN INNER LEFT RIGHT FULL CROSS NATURAL ON USING AS'.split(' '));

const constantOrNull = (n: Node | undefined): Node | null => n ?? null;

class QueryParser extends ExpressionParser {
  protected override inQuery = true;

  query(): Node {
    this.expect('SELECT');
    const modifiers: Node[] = [];
    if (this.isWord('DISTINCT')) {
      this.next();
      if (this.isWord('ON')) this.refuse(this.token, 'DISTINCT ON');
      modifiers.push({ type: 'DISTINCT_MODIFIER', distinct_on_targets: [] });
    }
    const selectList = [this.selectItem()];
    while (this.isOp(',')) {
      this.next();
      selectList.push(this.selectItem());
    }
    const node: Node = { type: 'SELECT_NODE', modifiers, cte_map: { map: [] }, select_list: selectList, from_table: { type: 'EMPTY' }, where_clause: null, group_expressions: [], group_sets: [], aggregate_handling: 'STANDARD_HANDLING', having: null, sample: null, qualify: null };
    if (this.isWord('FROM')) {
      this.next();
      node.from_table = this.tables();
    }
    if (this.isWord('WHERE')) node.where_clause = (this.next(), this.or());
    if (this.isWord('GROUP')) {
      this.next();
      this.expect('BY');
      if (this.isWord('ALL')) {
        this.next();
        node.aggregate_handling = 'FORCE_AGGREGATES';
      } else node.group_expressions = this.commaList(() => this.or());
    }
    if (this.isWord('HAVING')) node.having = (this.next(), this.or());
    if (this.isWord('ORDER')) {
      this.next();
      this.expect('BY');
      modifiers.push({ type: 'ORDER_MODIFIER', orders: this.commaList(() => this.orderTerm()) });
    }
    if (this.isWord('LIMIT')) {
      this.next();
      const limit = this.or();
      const offset = this.isWord('OFFSET') ? (this.next(), this.or()) : undefined;
      modifiers.push({ type: 'LIMIT_MODIFIER', limit, offset: constantOrNull(offset) });
    }
    if (this.token.kind !== 'end') this.refuse(this.token, `"${this.token.text}" in a query`);
    return node;
  }

  private commaList(item: () => Node): Node[] {
    const items = [item()];
    while (this.isOp(',')) {
      this.next();
      items.push(item());
    }
    return items;
  }

  private selectItem(): Node {
    const t = this.token;
    const star = this.isOp('*') ? '' : this.token.kind !== 'op' && this.tokens[this.pos + 1]?.text === '.' && this.tokens[this.pos + 2]?.text === '*' ? this.token.value : undefined;
    if (star !== undefined) {
      this.pos += star === '' ? 1 : 3;
      const relation = star === '' ? '' : t.kind === 'word' ? t.text : t.value;
      if (this.isWord('EXCLUDE', 'REPLACE', 'RENAME')) this.refuse(this.token, `the * with ${this.token.value}`);
      return { class: 'STAR', type: 'STAR', alias: '', relation_name: relation, exclude_list: [], replace_list: [], columns: false, expr: null, qualified_exclude_list: [], rename_list: [], query_location: t.at };
    }
    const expr = this.or();
    return { ...expr, alias: this.alias() };
  }

  /** `AS name`, or a name right after the item (DuckDB's implicit alias); '' when there is none. */
  private alias(): string {
    const explicit = this.isWord('AS');
    if (explicit) this.next();
    const t = this.token;
    if (t.kind === 'quoted' || (t.kind === 'word' && (explicit || !CLAUSE_WORDS.has(t.value)))) {
      this.next();
      return t.kind === 'word' ? t.text : t.value;
    }
    if (explicit) this.refuse(t, `"${t.text}" as a name`);
    return '';
  }

  /** Tables side by side (`a, b` or `a CROSS JOIN b`): DuckDB's cross join, left-deep; other joins are refused. */
  private tables(): Node {
    let from = this.table();
    for (;;) {
      const at = this.token.at;
      if (this.isOp(',')) this.next();
      else if (this.isWord('CROSS') && this.tokens[this.pos + 1]?.value === 'JOIN') this.pos += 2;
      else break;
      from = { type: 'JOIN', alias: '', sample: null, query_location: at, left: from, right: this.table(), condition: null, join_type: 'INNER', ref_type: 'CROSS', using_columns: [], delim_flipped: false, duplicate_eliminated_columns: [] };
    }
    if (this.isWord('JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'POSITIONAL', 'ASOF', 'SEMI', 'ANTI')) this.refuse(this.token, 'a join');
    return from;
  }

  private table(): Node {
    const t = this.next();
    if (t.kind !== 'word' && t.kind !== 'quoted') this.refuse(t, `"${t.text}" in FROM`);
    if (this.isOp('.', '(')) this.refuse(this.token, `"${this.token.text}" in FROM`);
    const table: Node = { type: 'BASE_TABLE', alias: this.alias(), sample: null, schema_name: '', table_name: t.kind === 'word' ? t.text : t.value, column_name_alias: [], catalog_name: '', query_location: t.at };
    return table;
  }

  private orderTerm(): Node {
    const expression = this.or();
    let type = 'ORDER_DEFAULT';
    if (this.isWord('ASC', 'DESC')) type = this.next().value === 'ASC' ? 'ASCENDING' : 'DESCENDING';
    let nullOrder = 'ORDER_DEFAULT';
    if (this.isWord('NULLS')) {
      this.next();
      const which = this.next();
      if (which.value !== 'FIRST' && which.value !== 'LAST') this.refuse(which, `NULLS ${which.text}`);
      nullOrder = `NULLS ${which.value}`;
    }
    return { type, null_order: nullOrder, expression };
  }
}

/**
 * `json_serialize_sql(sql)` as the studio can give it: a formula or filter (`SELECT \n<expression>`) or a `sql`
 * block's simple query, in DuckDB's shape. Throws NotTranslatable for what it does not read.
 */
export function serializeStudioSql(sql: string): string {
  const node = new QueryParser(tokenize(sql, 0), sql.startsWith(EXPRESSION_PREFIX) ? EXPRESSION_PREFIX.length : 0).query();
  return JSON.stringify({ error: false, statements: [{ node }] });
}
