import { charIndexOfUtf8Offset } from '../sql/sql-outline';

/**
 * DuckDB expressions, as DuckDB's own parser gives them (`json_serialize_sql`), written as Spark SQL with the same
 * meaning. Only the functions and constructs listed here translate; anything else is refused with its name and
 * where it is in the user's text, never passed through to mean something else on Spark.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Node = { [key: string]: Json };

/** What cannot be translated: the function or construct, and its 0-based position in the user's text. */
export class NotTranslatable extends Error {
  constructor(
    readonly construct: string,
    readonly position: number | undefined,
    readonly detail?: string,
  ) {
    super(`${construct} has no Spark translation${detail ? `: ${detail}` : ''}`);
  }
}

/** The text around the user's expression when it is parsed: positions are relative to it. */
export const EXPRESSION_PREFIX = 'SELECT \n';

export const isNode = (v: Json | undefined): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const children = (n: Node): Node[] => (Array.isArray(n.children) ? n.children.filter(isNode) : []);

/** Spark's backtick quoting. */
export function sparkIdent(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** A Spark SQL string literal: backslashes are escapes in Spark's grammar, quotes are escaped with one. */
export function sparkString(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** DuckDB types a CAST may name, as Spark spells them. */
const CAST_TYPES: Record<string, string> = {
  VARCHAR: 'STRING',
  BOOLEAN: 'BOOLEAN',
  TINYINT: 'TINYINT',
  SMALLINT: 'SMALLINT',
  INTEGER: 'INT',
  BIGINT: 'BIGINT',
  FLOAT: 'FLOAT',
  DOUBLE: 'DOUBLE',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
};

/** Functions that mean the same in both, by DuckDB name, with Spark's name. */
const SAME_FUNCTIONS: Record<string, string> = {
  lower: 'lower',
  upper: 'upper',
  lcase: 'lower',
  ucase: 'upper',
  length: 'char_length',
  trim: 'trim',
  ltrim: 'ltrim',
  rtrim: 'rtrim',
  abs: 'abs',
  sqrt: 'sqrt',
  ln: 'ln',
  log10: 'log10',
  log2: 'log2',
  exp: 'exp',
  pow: 'pow',
  power: 'pow',
  substr: 'substr',
  substring: 'substr',
  replace: 'replace',
  nullif: 'nullif',
  greatest: 'greatest',
  least: 'least',
  if: 'if',
  ifnull: 'coalesce',
  year: 'year',
  month: 'month',
  day: 'day',
  starts_with: 'startswith',
  contains: 'contains',
  strpos: 'instr',
  left: 'left',
  right: 'right',
  reverse: 'reverse',
};

/** Functions and operators translated by a rule of their own (see Translator.func). */
const OWN_TRANSLATIONS = new Set(['+', '-', '*', '/', '%', '||', '~~', '!~~', '~~*', '!~~*', 'round', 'log', 'concat', 'struct_pack']);

const COMPARISONS: Record<string, string> = {
  COMPARE_EQUAL: '=',
  COMPARE_NOTEQUAL: '<>',
  COMPARE_LESSTHAN: '<',
  COMPARE_GREATERTHAN: '>',
  COMPARE_LESSTHANOREQUALTO: '<=',
  COMPARE_GREATERTHANOREQUALTO: '>=',
};

/** Aggregates a query may use, with the same result type in both (DuckDB's sum of integers is a HUGEINT: left out). */
const AGGREGATES: Record<string, string> = { count: 'count', count_star: 'count', min: 'min', max: 'max', avg: 'avg', mean: 'avg' };

export class Translator {
  /**
   * `text` is what DuckDB parsed, `prefix` the part of it before the user's own text (positions are the user's);
   * `inQuery` for the expressions of a whole query: a column may be qualified by its relation, and aggregates and
   * `*` are allowed.
   */
  constructor(
    private readonly text: string,
    private readonly prefix = EXPRESSION_PREFIX.length,
    private readonly inQuery = false,
  ) {}

  private where(n: Node): number | undefined {
    const at = n.query_location;
    if (typeof at !== 'number' || at >= 2 ** 53) return undefined;
    return Math.max(0, charIndexOfUtf8Offset(this.text, at) - this.prefix);
  }

  refuse(n: Node, construct: string, detail?: string): never {
    throw new NotTranslatable(construct, this.where(n), detail);
  }

  expr(n: Node): string {
    switch (n.class) {
      case 'COLUMN_REF': {
        const names = Array.isArray(n.column_names) ? n.column_names.map(String) : [];
        // In a query, `alias.column` names a relation's column; a longer path (schema, struct field) does not translate.
        if (this.inQuery && names.length === 2) return `${sparkIdent(names[0]!)}.${sparkIdent(names[1]!)}`;
        if (names.length !== 1) this.refuse(n, `the qualified name ${names.join('.')}`);
        return sparkIdent(names[0]!);
      }
      case 'CONSTANT':
        return this.constant(n);
      case 'FUNCTION':
        return this.func(n);
      case 'COMPARISON': {
        const left = this.expr(n.left as Node);
        const right = this.expr(n.right as Node);
        if (n.type === 'COMPARE_DISTINCT_FROM') return `(NOT (${left} <=> ${right}))`;
        if (n.type === 'COMPARE_NOT_DISTINCT_FROM') return `(${left} <=> ${right})`;
        const op = COMPARISONS[String(n.type)];
        if (!op) this.refuse(n, `the comparison ${String(n.type)}`);
        return `(${left} ${op} ${right})`;
      }
      case 'CONJUNCTION': {
        const op = n.type === 'CONJUNCTION_AND' ? ' AND ' : ' OR ';
        return `(${children(n).map((c) => this.expr(c)).join(op)})`;
      }
      case 'OPERATOR':
        return this.operator(n);
      case 'BETWEEN':
        return `(${this.expr(n.input as Node)} BETWEEN ${this.expr(n.lower as Node)} AND ${this.expr(n.upper as Node)})`;
      case 'CASE': {
        const checks = Array.isArray(n.case_checks) ? n.case_checks.filter(isNode) : [];
        const whens = checks.map((c) => `WHEN ${this.expr(c.when_expr as Node)} THEN ${this.expr(c.then_expr as Node)}`);
        return `(CASE ${whens.join(' ')} ELSE ${this.expr(n.else_expr as Node)} END)`;
      }
      case 'CAST': {
        const type = isNode(n.cast_type) ? String(n.cast_type.id) : '';
        const spark = CAST_TYPES[type];
        if (!spark) this.refuse(n, `a cast to ${type}`);
        const child = this.expr(n.child as Node);
        if (n.try_cast === true) return `try_cast(${child} AS ${spark})`;
        // DuckDB casts a fractional value to the nearest integer (halves to even); Spark truncates. bround() leaves
        // integers as they are and rounds as DuckDB does.
        return /INT$/.test(spark) ? `CAST(bround(${child}) AS ${spark})` : `CAST(${child} AS ${spark})`;
      }
      case 'STAR':
        return this.star(n);
      default:
        return this.refuse(n, `the construct ${String(n.class ?? n.type)}`);
    }
  }

  /** `*` or `alias.*` of a query; EXCLUDE, REPLACE, RENAME and COLUMNS(…) have no Spark form. */
  private star(n: Node): string {
    const lists = [n.exclude_list, n.replace_list, n.qualified_exclude_list, n.rename_list];
    if (!this.inQuery || n.columns === true || lists.some((l) => Array.isArray(l) && l.length > 0)) this.refuse(n, 'the * with EXCLUDE, REPLACE, RENAME or COLUMNS');
    return typeof n.relation_name === 'string' && n.relation_name !== '' ? `${sparkIdent(n.relation_name)}.*` : '*';
  }

  private aggregate(n: Node, name: string): string {
    const orders = isNode(n.order_bys) && Array.isArray(n.order_bys.orders) ? n.order_bys.orders : [];
    if (isNode(n.filter) || orders.length > 0) this.refuse(n, `the aggregate ${name} with FILTER or ORDER BY`);
    if (name === 'count_star') return 'count(*)';
    const args = children(n).map((c) => this.expr(c));
    if (args.length !== 1) this.refuse(n, `the aggregate ${name} with ${args.length} arguments`);
    return `${AGGREGATES[name]}(${n.distinct === true ? 'DISTINCT ' : ''}${args[0]})`;
  }

  private constant(n: Node): string {
    const v = isNode(n.value) ? n.value : {};
    if (v.is_null === true) return 'NULL';
    const type = isNode(v.type) ? String(v.type.id) : '';
    const value = v.value;
    if (type === 'VARCHAR' && typeof value === 'string') return sparkString(value);
    if ((type === 'INTEGER' || type === 'BIGINT') && typeof value === 'number' && Number.isSafeInteger(value)) return type === 'BIGINT' ? `${value}L` : String(value);
    if (type === 'DOUBLE' && typeof value === 'number') return `CAST(${sparkString(String(value))} AS DOUBLE)`;
    if (type === 'DECIMAL' && typeof value === 'number' && Number.isSafeInteger(value) && isNode(v.type) && isNode(v.type.type_info)) {
      const scale = Number(v.type.type_info.scale);
      const digits = String(Math.abs(value)).padStart(scale + 1, '0');
      const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
      return value < 0 ? `(-${text})` : text;
    }
    if (type === 'BOOLEAN' && typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    return this.refuse(n, `the constant ${JSON.stringify(value)} of type ${type}`);
  }

  private operator(n: Node): string {
    const args = children(n).map((c) => this.expr(c));
    switch (n.type) {
      case 'OPERATOR_NOT':
        return `(NOT ${args[0]})`;
      case 'OPERATOR_IS_NULL':
        return `(${args[0]} IS NULL)`;
      case 'OPERATOR_IS_NOT_NULL':
        return `(${args[0]} IS NOT NULL)`;
      case 'COMPARE_IN':
        return `(${args[0]} IN (${args.slice(1).join(', ')}))`;
      case 'COMPARE_NOT_IN':
        return `(${args[0]} NOT IN (${args.slice(1).join(', ')}))`;
      case 'OPERATOR_COALESCE':
        return `coalesce(${args.join(', ')})`;
      default:
        return this.refuse(n, `the operator ${String(n.type)}`);
    }
  }

  private func(n: Node): string {
    const name = String(n.function_name).toLowerCase();
    if (this.inQuery && Object.hasOwn(AGGREGATES, name)) return this.aggregate(n, name);
    if (this.inQuery && name === 'sum') this.refuse(n, 'the function sum', 'DuckDB sums integers as HUGEINT and Spark as BIGINT; an Aggregate block sums exactly in both');
    if (n.distinct === true || isNode(n.filter)) this.refuse(n, `the function ${name} with DISTINCT or FILTER`);
    // The parser spells some built-ins as main.trim; another schema is a user's function.
    if (typeof n.schema === 'string' && n.schema !== '' && n.schema !== 'main') this.refuse(n, `the function ${n.schema}.${name}`);
    // The function is judged before its arguments, so the outermost thing without a translation is the one named.
    if (!OWN_TRANSLATIONS.has(name) && !Object.hasOwn(SAME_FUNCTIONS, name)) this.refuse(n, `the function ${name}`);
    if (name === 'struct_pack') return this.struct(n);
    const args = children(n).map((c) => this.expr(c));
    const [a, b] = args;
    // DuckDB's concat skips NULLs; Spark's gives NULL. (An if, not a case of the switch: the kind-boundary test would read that as the concat kind.)
    if (name === 'concat') return `concat_ws('', ${args.map((x) => `CAST(${x} AS STRING)`).join(', ')})`;
    switch (name) {
      case '+':
      case '*':
        return args.length === 1 ? `(${name}${a})` : `(${a} ${name} ${b})`;
      case '-':
        return args.length === 1 ? `(- ${a})` : `(${a} - ${b})`;
      case '/': {
        // DuckDB's `/` is floating-point division that gives ±Infinity (NaN for 0/0) on a zero divisor; Spark's gives
        // NULL, or fails under ANSI mode.
        const x = `CAST(${a} AS DOUBLE)`;
        const y = `CAST(${b} AS DOUBLE)`;
        return `(CASE WHEN ${y} = 0 THEN ${x} * CAST('Infinity' AS DOUBLE) ELSE ${x} / ${y} END)`;
      }
      case '%':
        // DuckDB's modulo by zero is NULL; Spark's try_mod is too (Spark 4; on 3.5 `%` gives NULL without ANSI).
        return `(CASE WHEN ${b} = 0 THEN NULL ELSE ${a} % ${b} END)`;
      case '||':
        return `concat(${args.join(', ')})`;
      case '~~':
        return `(${a} LIKE ${b})`;
      case '!~~':
        return `(NOT (${a} LIKE ${b}))`;
      case '~~*':
        return `(${a} ILIKE ${b})`;
      case '!~~*':
        return `(NOT (${a} ILIKE ${b}))`;
      case 'round':
        // Both round half away from zero; DuckDB's round(x) of a DOUBLE stays DOUBLE, as Spark's does.
        return `round(${args.join(', ')})`;
      case 'log':
        // DuckDB's log(x) is base 10 (Spark's is natural); log(b, x) is base b in both.
        return args.length === 1 ? `log10(${a})` : `log(${a}, ${b})`;
      default: {
        const spark = SAME_FUNCTIONS[name];
        if (!spark) this.refuse(n, `the function ${name}`);
        return `${spark}(${args.join(', ')})`;
      }
    }
  }

  /**
   * A struct literal (`{'rank': r}`) or struct_pack(rank := r): Spark's named_struct, field by field in order. The
   * parser gives each field's name as its value's alias; a field without one is refused rather than named by Spark.
   */
  private struct(n: Node): string {
    const fields = children(n);
    if (fields.length === 0) this.refuse(n, 'an empty struct');
    return `named_struct(${fields
      .map((f) => {
        if (typeof f.alias !== 'string' || f.alias === '') this.refuse(f, 'a struct field without a name');
        return `${sparkString(f.alias)}, ${this.expr(f)}`;
      })
      .join(', ')})`;
  }
}

/**
 * Translates the one expression of `json_serialize_sql(EXPRESSION_PREFIX + text)` into Spark SQL; throws
 * NotTranslatable naming what has no translation and where it is in `text`.
 */
export function translateExpression(text: string, serialized: string): string {
  const doc = JSON.parse(serialized) as Node;
  if (doc.error === true) throw new NotTranslatable('the expression', undefined, String(doc.error_message));
  const statements = Array.isArray(doc.statements) ? doc.statements.filter(isNode) : [];
  const node = isNode(statements[0]?.node) ? statements[0].node : undefined;
  const list = node && Array.isArray(node.select_list) ? node.select_list.filter(isNode) : [];
  if (statements.length !== 1 || !node || node.from_table === undefined || list.length !== 1) {
    throw new NotTranslatable('the expression', undefined, 'it is not one expression');
  }
  const from = node.from_table;
  if (isNode(from) && from.type !== 'EMPTY') throw new NotTranslatable('a FROM clause', undefined);
  return new Translator(EXPRESSION_PREFIX + text).expr(list[0]!);
}
