import { call, col, TranslationError, type Expr } from '../expr/ast';
import { sparkFunctions } from '../expr/functions';
import { parseSparkExpression } from '../expr/spark-sql-parse';
import { describeValue, type ColumnValue, type Value } from './values';

/** Positions of pyspark.sql.functions arguments that a Python string fills as a literal, not as a column name. */
const LITERAL_STRING_ARGS: Record<string, number[]> = {
  date_format: [1], to_date: [1], to_timestamp: [1], unix_timestamp: [1], from_unixtime: [1], regexp_replace: [1, 2],
  regexp_extract: [1], regexp_extract_all: [1], split: [1], concat_ws: [0], lpad: [2], rpad: [2], instr: [1],
  locate: [0], translate: [1, 2], date_trunc: [0], trunc: [1], replace: [1, 2],
};

/** PySpark function names that differ from the Spark SQL name. */
const ALIASES: Record<string, string> = { countDistinct: 'count_distinct', sumDistinct: 'sum_distinct', mean: 'avg', col: 'col' };

/** A Python value as a literal expression. */
export function literal(x: Value): Expr {
  switch (x.v) {
    case 'str':
      return { t: 'str', value: x.s };
    case 'num':
      return { t: 'num', text: x.text };
    case 'bool':
      return { t: 'bool', value: x.b };
    case 'none':
      return { t: 'null' };
    case 'col':
      return x.e;
    default:
      throw new TranslationError(`${describeValue(x)} cannot be used as a value in a column expression`);
  }
}

/** A Column from a Column, a column name, or (where a value is meant) a literal. */
export function toColumn(x: Value, stringIs: 'name' | 'literal' = 'name'): ColumnValue {
  if (x.v === 'col') return x;
  if (x.v === 'str' && stringIs === 'name') return x.s === '*' ? { v: 'col', e: { t: 'star' } } : { v: 'col', e: col(x.s), name: x.s };
  return { v: 'col', e: literal(x) };
}

/** Spark's name for an unnamed expression's column, for the simple cases: `avg(energy)`. */
function defaultName(fn: string, args: ColumnValue[]): string | undefined {
  const names = args.map((a) => a.name ?? (a.e.t === 'num' ? a.e.text : a.e.t === 'star' ? '1' : undefined));
  return names.every((n) => n !== undefined) ? `${fn}(${names.join(', ')})` : undefined;
}

function columnOf(e: Expr, name?: string): ColumnValue {
  return name === undefined ? { v: 'col', e } : { v: 'col', e, name };
}

function sortOf(args: Value[], desc: boolean, nulls?: 'first' | 'last'): ColumnValue {
  const [target] = args;
  if (!target || args.length !== 1) throw new TranslationError(`${desc ? 'desc' : 'asc'}() takes one column`);
  return { ...toColumn(target), sort: nulls ? { desc, nulls } : { desc } };
}

/** Calls a function of pyspark.sql.functions. */
export function callFunction(name: string, args: Value[]): Value {
  switch (name) {
    case 'col':
    case 'column': {
      const [n] = args;
      if (n?.v !== 'str' || args.length !== 1) throw new TranslationError(`F.${name}() takes one column name`);
      return toColumn(n);
    }
    case 'lit':
      if (args.length !== 1) throw new TranslationError('F.lit() takes one value');
      return toColumn(args[0]!, 'literal');
    case 'expr': {
      const [text] = args;
      if (text?.v !== 'str') throw new TranslationError('F.expr() takes a string of Spark SQL');
      return columnOf(parseSparkExpression(text.s));
    }
    case 'when': {
      const [cond, value] = args;
      if (!cond || !value || args.length !== 2) throw new TranslationError('F.when() takes a condition and a value');
      return { v: 'col', e: { t: 'case', whens: [{ when: toColumn(cond).e, then: toColumn(value, 'literal').e }] }, open: true };
    }
    case 'desc':
    case 'asc':
      return sortOf(args, name === 'desc');
    case 'desc_nulls_first':
    case 'desc_nulls_last':
    case 'asc_nulls_first':
    case 'asc_nulls_last':
      return sortOf(args, name.startsWith('desc'), name.endsWith('first') ? 'first' : 'last');
  }
  const sparkName = (ALIASES[name] ?? name).toLowerCase();
  if (!Object.hasOwn(sparkFunctions, sparkName)) throw new TranslationError(`F.${name}() has no DuckDB translation`);
  const literalAt = LITERAL_STRING_ARGS[sparkName] ?? [];
  const cols = args.map((a, i) => toColumn(a, literalAt.includes(i) ? 'literal' : 'name'));
  return columnOf(call(sparkName, ...cols.map((c) => c.e)), defaultName(name, cols));
}

function oneArg(name: string, args: Value[]): Value {
  if (args.length !== 1) throw new TranslationError(`Column.${name}() takes one argument`);
  return args[0]!;
}

/** Calls a method of a Column. */
export function callColumnMethod(self: ColumnValue, name: string, args: Value[]): Value {
  const e = self.e;
  switch (name) {
    case 'alias':
    case 'name': {
      const n = oneArg(name, args);
      if (n.v !== 'str') throw new TranslationError(`Column.${name}() takes a string`);
      return { ...self, name: n.s };
    }
    case 'cast':
    case 'astype': {
      const t = oneArg(name, args);
      if (t.v !== 'str' && t.v !== 'type') throw new TranslationError(`Column.${name}() takes a type`);
      return columnOf({ t: 'cast', e, type: t.v === 'str' ? t.s : t.spark }, self.name);
    }
    case 'isNull':
    case 'isNotNull':
      return columnOf({ t: 'isnull', e, not: name === 'isNotNull' });
    case 'isin': {
      const values = args.length === 1 && args[0]!.v === 'list' ? args[0]!.items : args;
      return columnOf({ t: 'in', e, list: values.map((v) => toColumn(v, 'literal').e), not: false });
    }
    case 'between': {
      const [low, high] = args;
      if (!low || !high) throw new TranslationError('Column.between() takes a lower and an upper bound');
      return columnOf({ t: 'between', e, low: toColumn(low, 'literal').e, high: toColumn(high, 'literal').e, not: false });
    }
    case 'like':
    case 'rlike':
    case 'ilike':
      return columnOf({ t: 'like', op: name, e, pattern: toColumn(oneArg(name, args), 'literal').e, not: false });
    case 'contains':
    case 'startswith':
    case 'endswith':
      return columnOf(call(name, e, toColumn(oneArg(name, args), 'literal').e));
    case 'substr': {
      const [pos, len] = args;
      if (!pos || !len) throw new TranslationError('Column.substr() takes a position and a length');
      return columnOf(call('substring', e, toColumn(pos, 'literal').e, toColumn(len, 'literal').e));
    }
    case 'eqNullSafe':
      return columnOf({ t: 'bin', op: '<=>', left: e, right: toColumn(oneArg(name, args), 'literal').e });
    case 'desc':
    case 'asc':
      return { ...self, sort: { desc: name === 'desc' } };
    case 'desc_nulls_first':
    case 'desc_nulls_last':
    case 'asc_nulls_first':
    case 'asc_nulls_last':
      return { ...self, sort: { desc: name.startsWith('desc'), nulls: name.endsWith('first') ? 'first' : 'last' } };
    case 'when':
    case 'otherwise': {
      if (!self.open || e.t !== 'case') throw new TranslationError(`Column.${name}() follows F.when()`);
      if (name === 'otherwise') return columnOf({ ...e, otherwise: toColumn(oneArg(name, args), 'literal').e });
      const [cond, value] = args;
      if (!cond || !value) throw new TranslationError('Column.when() takes a condition and a value');
      return { v: 'col', e: { ...e, whens: [...e.whens, { when: toColumn(cond).e, then: toColumn(value, 'literal').e }] }, open: true };
    }
    default:
      throw new TranslationError(`Column.${name}() is not translated`);
  }
}

const COLUMN_OPERATORS: Record<string, Extract<Expr, { t: 'bin' }>['op']> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', '==': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '&': 'and', '|': 'or',
};

/** A binary operator where either side is a Column: Python values on the other side are literals. */
export function columnOperator(op: string, left: Value, right: Value): ColumnValue {
  const l = toColumn(left, 'literal').e;
  const r = toColumn(right, 'literal').e;
  if (op === '**') return columnOf(call('pow', l, r));
  const sql = COLUMN_OPERATORS[op];
  if (!sql) throw new TranslationError(`the operator ${op} is not translated for columns`);
  return columnOf({ t: 'bin', op: sql, left: l, right: r });
}
