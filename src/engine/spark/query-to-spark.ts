import { isNode, NotTranslatable, sparkIdent, Translator, type Json, type Node } from './duckdb-to-spark';

/**
 * A whole query of the `sql` block, as DuckDB's parser gives it (`json_serialize_sql`), written as Spark SQL:
 * SELECT [DISTINCT] … FROM the block's inputs, joins and subqueries, WHERE, GROUP BY (ALL), HAVING, ORDER BY,
 * LIMIT/OFFSET, WITH and UNION/EXCEPT/INTERSECT. Expressions go through the expression translator, which adds the
 * aggregates count, min, max and avg. Anything else is refused with its name and position, never passed through.
 */

const list = (v: Json | undefined): Node[] => (Array.isArray(v) ? v.filter(isNode) : []);

/** DuckDB's join types as Spark writes them. */
const JOINS: Record<string, string> = { INNER: 'JOIN', LEFT: 'LEFT JOIN', RIGHT: 'RIGHT JOIN', OUTER: 'FULL JOIN', SEMI: 'LEFT SEMI JOIN', ANTI: 'LEFT ANTI JOIN' };

const SET_OPERATIONS: Record<string, string> = { UNION: 'UNION', EXCEPT: 'EXCEPT', INTERSECT: 'INTERSECT' };

class QueryTranslator {
  private readonly exprs: Translator;
  /** CTE names in scope: a table of that name is the CTE, not an input. */
  private readonly ctes = new Set<string>();

  constructor(
    text: string,
    /** The block's inputs by their lower-case name, and the Spark view each is registered as. */
    private readonly tables: ReadonlyMap<string, string>,
  ) {
    this.exprs = new Translator(text, 0, true);
  }

  private refuse(n: Node, construct: string, detail?: string): never {
    return this.exprs.refuse(n, construct, detail);
  }

  private expr(n: Json | undefined): string {
    return this.exprs.expr(n as Node);
  }

  /** An expression of the select list, with its name: DuckDB and Spark name an unnamed expression differently. */
  private selected(n: Node): string {
    const alias = typeof n.alias === 'string' ? n.alias : '';
    if (alias !== '') return `${this.expr(n)} AS ${sparkIdent(alias)}`;
    if (n.class !== 'COLUMN_REF' && n.class !== 'STAR') this.refuse(n, 'an expression without a name', 'give it one with AS: DuckDB and Spark name unnamed expressions differently');
    return this.expr(n);
  }

  query(n: Node): string {
    const ctes = isNode(n.cte_map) ? list(n.cte_map.map) : [];
    const withs = ctes.map((entry) => {
      const name = String(entry.key);
      const value = isNode(entry.value) ? entry.value : {};
      if (Array.isArray(value.aliases) && value.aliases.length > 0) this.refuse(n, `the column names of the CTE ${name}`);
      const body = isNode(value.query) && isNode(value.query.node) ? value.query.node : this.refuse(n, `the CTE ${name}`);
      const sql = `${sparkIdent(name)} AS (${this.query(body)})`;
      this.ctes.add(name.toLowerCase());
      return sql;
    });
    const body = this.node(n);
    return withs.length > 0 ? `WITH ${withs.join(', ')} ${body}` : body;
  }

  private node(n: Node): string {
    let sql: string;
    if (n.type === 'SELECT_NODE') sql = this.select(n);
    else if (n.type === 'SET_OPERATION_NODE') sql = this.setOperation(n);
    else return this.refuse(n, `the query ${String(n.type)}`);
    return sql + this.modifiers(n);
  }

  private setOperation(n: Node): string {
    const op = SET_OPERATIONS[String(n.setop_type)] ?? this.refuse(n, `the set operation ${String(n.setop_type)}`);
    const sides = [n.left, n.right].map((side) => (isNode(side) ? `(${this.query(side)})` : this.refuse(n, 'a set operation without two sides')));
    return `${sides[0]} ${op}${n.setop_all === true ? ' ALL' : ''} ${sides[1]}`;
  }

  private select(n: Node): string {
    for (const part of ['sample', 'qualify'] as const) if (isNode(n[part])) this.refuse(n, `the ${part.toUpperCase()} clause`);
    if (list(n.group_sets).length > 1) this.refuse(n, 'GROUPING SETS, CUBE or ROLLUP');
    const distinct = list(n.modifiers).find((m) => m.type === 'DISTINCT_MODIFIER');
    if (distinct && list(distinct.distinct_on_targets).length > 0) this.refuse(n, 'DISTINCT ON');
    const parts = [`SELECT ${distinct ? 'DISTINCT ' : ''}${list(n.select_list).map((e) => this.selected(e)).join(', ')}`];
    if (isNode(n.from_table) && n.from_table.type !== 'EMPTY') parts.push(`FROM ${this.from(n.from_table)}`);
    if (isNode(n.where_clause)) parts.push(`WHERE ${this.expr(n.where_clause)}`);
    const groups = list(n.group_expressions).map((g) => this.expr(g));
    if (n.aggregate_handling === 'FORCE_AGGREGATES') parts.push('GROUP BY ALL');
    else if (groups.length > 0) parts.push(`GROUP BY ${groups.join(', ')}`);
    if (isNode(n.having)) parts.push(`HAVING ${this.expr(n.having)}`);
    return parts.join(' ');
  }

  /** DISTINCT goes after SELECT; ORDER BY and LIMIT after the rest. */
  private modifiers(n: Node): string {
    let out = '';
    for (const m of list(n.modifiers)) {
      if (m.type === 'DISTINCT_MODIFIER') continue;
      if (m.type === 'ORDER_MODIFIER') {
        out += ` ORDER BY ${list(m.orders).map((o) => this.order(o)).join(', ')}`;
      } else if (m.type === 'LIMIT_MODIFIER') {
        if (isNode(m.limit)) out += ` LIMIT ${this.expr(m.limit)}`;
        if (isNode(m.offset)) out += ` OFFSET ${this.expr(m.offset)}`;
      } else this.refuse(n, `the modifier ${String(m.type)}`);
    }
    return out;
  }

  /** An ORDER BY term with its NULLs placed explicitly: DuckDB puts them last by default, Spark first when ascending. */
  private order(o: Node): string {
    const descending = o.type === 'DESCENDING';
    const nulls = o.null_order === 'NULLS FIRST' || o.null_order === 'NULLS_FIRST' ? 'NULLS FIRST' : 'NULLS LAST';
    return `${this.expr(o.expression)} ${descending ? 'DESC' : 'ASC'} ${nulls}`;
  }

  private from(t: Node): string {
    if (isNode(t.sample)) this.refuse(t, 'a TABLESAMPLE');
    if (Array.isArray(t.column_name_alias) && t.column_name_alias.length > 0) this.refuse(t, 'column names after a table alias');
    const alias = typeof t.alias === 'string' && t.alias !== '' ? ` AS ${sparkIdent(t.alias)}` : '';
    switch (t.type) {
      case 'BASE_TABLE': {
        const name = String(t.table_name);
        if (t.schema_name !== '' || t.catalog_name !== '') this.refuse(t, `the table ${String(t.schema_name)}.${name}`);
        if (this.ctes.has(name.toLowerCase())) return `${sparkIdent(name)}${alias}`;
        const view = this.tables.get(name.toLowerCase()) ?? this.refuse(t, `the table ${name}`, 'a query reads only the block’s inputs');
        // The view's name is the job's; the user's name stays the alias their columns are qualified by.
        return `${sparkIdent(view)}${alias || ` AS ${sparkIdent(name)}`}`;
      }
      case 'SUBQUERY': {
        const sub = isNode(t.subquery) && isNode(t.subquery.node) ? t.subquery.node : this.refuse(t, 'the subquery');
        return `(${this.query(sub)})${alias}`;
      }
      case 'JOIN':
        return this.join(t);
      default:
        return this.refuse(t, `the FROM item ${String(t.type)}`);
    }
  }

  private join(t: Node): string {
    const left = this.from(t.left as Node);
    const right = this.from(t.right as Node);
    if (t.ref_type === 'CROSS') return `${left} CROSS JOIN ${right}`;
    if (t.ref_type !== 'REGULAR') this.refuse(t, `the ${String(t.ref_type)} join`);
    const join = JOINS[String(t.join_type)] ?? this.refuse(t, `the ${String(t.join_type)} join`);
    const using = Array.isArray(t.using_columns) ? t.using_columns.map(String) : [];
    if (using.length > 0) return `${left} ${join} ${right} USING (${using.map(sparkIdent).join(', ')})`;
    return `${left} ${join} ${right} ON ${this.expr(t.condition)}`;
  }
}

/**
 * Translates the one SELECT of `json_serialize_sql(text)` into Spark SQL, reading each input from the view `tables`
 * maps it to (by lower-case name); throws NotTranslatable naming what has no translation and where it is in `text`.
 */
export function translateQuery(text: string, serialized: string, tables: ReadonlyMap<string, string>): string {
  const doc = JSON.parse(serialized) as Node;
  if (doc.error === true) throw new NotTranslatable('the query', undefined, String(doc.error_message));
  const statements = list(doc.statements);
  const node = isNode(statements[0]?.node) ? statements[0].node : undefined;
  if (statements.length !== 1 || !node) throw new NotTranslatable('the query', undefined, 'it is not one SELECT');
  return new QueryTranslator(text, tables).query(node);
}
