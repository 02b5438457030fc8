import { identList, quoteIdent } from '../../../engine/sql/quote';
import { TranslationError, type Expr } from '../expr/ast';
import { parseSparkExpression } from '../expr/spark-sql-parse';
import type { TranslationNotes } from '../expr/notes';
import { toDuckDb } from '../expr/to-duckdb';
import { callFunction, literal, toColumn } from './column-api';
import { describeValue, type ColumnValue, type DataFrameValue, type PlanStep, type Value } from './values';

/** What DataFrame methods need from the evaluation: the notes, and fresh DataFrame ids. */
export interface DataFrameContext {
  notes: TranslationNotes;
  nextId(): number;
}

/** The SQL of a relation: its SELECT steps folded into nested subqueries over the step's input table `df`. */
export function relationSql(df: DataFrameValue): string {
  let from = 'df';
  let sql = 'SELECT * FROM df';
  df.steps.forEach((step, i) => {
    if (step.op !== 'select') throw new TranslationError('a DataFrame with withColumn() cannot be joined or combined here; add the column after the join');
    sql = step.build(from);
    from = `(${sql}) AS _s${i + 1}`;
  });
  return sql;
}

function flatten(args: Value[]): Value[] {
  return args.flatMap((a) => (a.v === 'list' ? a.items : [a]));
}

function names(method: string, args: Value[]): string[] {
  return flatten(args).map((a) => {
    if (a.v === 'str') return a.s;
    if (a.v === 'col' && a.e.t === 'col') return a.e.name;
    throw new TranslationError(`${method}() takes column names, not ${describeValue(a)}`);
  });
}

function sqlOf(c: ColumnValue, ctx: DataFrameContext): string {
  return toDuckDb(c.e, ctx.notes);
}

/** `expr AS "name"` for a projected column, bare where the name is the column's own. */
function projection(c: ColumnValue, ctx: DataFrameContext): string {
  const sql = sqlOf(c, ctx);
  if (c.e.t === 'star') return '*';
  if (c.name === undefined) {
    ctx.notes.approximations.add('an expression without alias() gets DuckDB\'s column name, not Spark\'s');
    return sql;
  }
  return c.e.t === 'col' && c.e.name === c.name ? sql : `${sql} AS ${quoteIdent(c.name)}`;
}

function withStep(df: DataFrameValue, ctx: DataFrameContext, step: PlanStep): DataFrameValue {
  return { v: 'df', id: ctx.nextId(), steps: [...df.steps, step] };
}

function select(df: DataFrameValue, ctx: DataFrameContext, build: (from: string) => string): DataFrameValue {
  return withStep(df, ctx, { op: 'select', build });
}

function condition(arg: Value | undefined, ctx: DataFrameContext): string {
  if (arg?.v === 'str') return toDuckDb(parseSparkExpression(arg.s), ctx.notes);
  if (arg?.v === 'col') return sqlOf(arg, ctx);
  throw new TranslationError('filter() takes a Column condition or a Spark SQL string');
}

function orderTerms(args: Value[], kwargs: Record<string, Value>, ctx: DataFrameContext): string[] {
  const cols = flatten(args).map((a) => toColumn(a));
  const ascending = kwargs.ascending;
  const ascFor = (i: number): boolean => {
    if (ascending === undefined) return true;
    if (ascending.v === 'bool') return ascending.b;
    if (ascending.v === 'list') {
      const v = ascending.items[i];
      return v?.v === 'bool' ? v.b : v?.v === 'num' ? v.n !== 0 : true;
    }
    return ascending.v === 'num' ? ascending.n !== 0 : true;
  };
  return cols.map((c, i) => {
    const desc = c.sort ? c.sort.desc : !ascFor(i);
    // Spark puts NULLs first when ascending and last when descending, unless told otherwise.
    const nulls = c.sort?.nulls ?? (desc ? 'last' : 'first');
    return `${sqlOf(c, ctx)} ${desc ? 'DESC' : 'ASC'} NULLS ${nulls.toUpperCase()}`;
  });
}

const JOIN_TYPES: Record<string, string> = {
  inner: 'INNER', cross: 'CROSS', outer: 'FULL', full: 'FULL', fullouter: 'FULL', full_outer: 'FULL', left: 'LEFT',
  leftouter: 'LEFT', left_outer: 'LEFT', right: 'RIGHT', rightouter: 'RIGHT', right_outer: 'RIGHT', semi: 'SEMI',
  leftsemi: 'SEMI', left_semi: 'SEMI', anti: 'ANTI', leftanti: 'ANTI', left_anti: 'ANTI',
};

function join(df: DataFrameValue, args: Value[], kwargs: Record<string, Value>, ctx: DataFrameContext): DataFrameValue {
  const [other, onArg = kwargs.on, howArg = kwargs.how] = args;
  if (other?.v !== 'df') throw new TranslationError('join() takes a DataFrame');
  const how = howArg === undefined || howArg.v === 'none' ? 'inner' : howArg.v === 'str' ? howArg.s.toLowerCase() : '';
  const type = JOIN_TYPES[how];
  if (!type) throw new TranslationError(`join type ${JSON.stringify(how)} is not translated`);
  const right = `(${relationSql(other)}) AS r`;
  let clause = '';
  if (onArg !== undefined && onArg.v !== 'none') {
    if (onArg.v === 'str' || (onArg.v === 'list' && onArg.items.every((i) => i.v === 'str'))) clause = ` USING (${identList(names('join', [onArg]))})`;
    else if (onArg.v === 'col') {
      const qualify = (c: Extract<Expr, { t: 'col' }>) => {
        if (c.from === df.id) return 'l';
        if (c.from === other.id) return 'r';
        throw new TranslationError(`join(): say which side "${c.name}" is on, as left_df.${c.name} or right_df.${c.name}`);
      };
      clause = ` ON ${toDuckDb(onArg.e, ctx.notes, { qualify })}`;
    } else throw new TranslationError('join(on=…) takes a column name, a list of names or a Column condition');
  } else if (type !== 'CROSS') throw new TranslationError('join() without on= is a cross join; say how="cross"');
  return select(df, ctx, (from) => `SELECT * FROM (SELECT * FROM ${from}) AS l ${type} JOIN ${right}${clause}`);
}

function aggregate(grouped: { df: DataFrameValue; keys: ColumnValue[] }, aggs: ColumnValue[], ctx: DataFrameContext): DataFrameValue {
  const keys = grouped.keys.map((k) => projection(k, ctx));
  const items = [...keys, ...aggs.map((a) => projection(a, ctx))];
  const groupBy = keys.length > 0 ? ` GROUP BY ${grouped.keys.map((k) => sqlOf(k, ctx)).join(', ')}` : '';
  return select(grouped.df, ctx, (from) => `SELECT ${items.join(', ')} FROM ${from}${groupBy}`);
}

/** `groupBy(...).agg(...)`, `.count()`, `.sum('x')` and the other shortcuts of grouped data. */
export function callGroupedMethod(grouped: { df: DataFrameValue; keys: ColumnValue[] }, name: string, args: Value[], ctx: DataFrameContext): Value {
  if (name === 'agg') {
    if (args.length === 1 && args[0]!.v === 'dict') {
      const aggs = args[0]!.entries.map(([k, fn]) => {
        if (k.v !== 'str' || fn.v !== 'str') throw new TranslationError('agg({...}) maps column names to function names');
        return { ...(callFunction(fn.s, [k]) as ColumnValue), name: `${fn.s === 'mean' ? 'avg' : fn.s}(${k.s})` };
      });
      return aggregate(grouped, aggs, ctx);
    }
    return aggregate(grouped, flatten(args).map((a) => toColumn(a)), ctx);
  }
  if (name === 'count') return aggregate(grouped, [{ ...(callFunction('count', [{ v: 'str', s: '*' }]) as ColumnValue), name: 'count' }], ctx);
  if (['sum', 'avg', 'mean', 'min', 'max'].includes(name)) {
    const fn = name === 'mean' ? 'avg' : name;
    return aggregate(grouped, names(name, args).map((n) => ({ ...(callFunction(fn, [{ v: 'str', s: n }]) as ColumnValue), name: `${fn}(${n})` })), ctx);
  }
  throw new TranslationError(`GroupedData.${name}() is not translated`);
}

/** Calls a DataFrame method: each returns a new DataFrame with one more step. */
export function callDataFrameMethod(df: DataFrameValue, name: string, args: Value[], kwargs: Record<string, Value>, ctx: DataFrameContext): Value {
  switch (name) {
    case 'filter':
    case 'where': {
      const cond = condition(args[0], ctx);
      return select(df, ctx, (from) => `SELECT * FROM ${from} WHERE ${cond}`);
    }
    case 'select': {
      const items = flatten(args).map((a) => projection(toColumn(a), ctx));
      return select(df, ctx, (from) => `SELECT ${items.join(', ')} FROM ${from}`);
    }
    case 'selectExpr': {
      const items = flatten(args).map((a) => {
        if (a.v !== 'str') throw new TranslationError('selectExpr() takes Spark SQL strings');
        const m = /^(.*?)\s+(?:as\s+)?`?([A-Za-z_][A-Za-z0-9_]*)`?\s*$/is.exec(a.s);
        const aliased = m && !/[)\s]$/.test(m[1]!) ? m : null;
        const expr = toDuckDb(parseSparkExpression(aliased ? aliased[1]! : a.s), ctx.notes);
        return aliased ? `${expr} AS ${quoteIdent(aliased[2]!)}` : expr;
      });
      return select(df, ctx, (from) => `SELECT ${items.join(', ')} FROM ${from}`);
    }
    case 'withColumn': {
      const [column, value] = args;
      if (column?.v !== 'str' || !value) throw new TranslationError('withColumn() takes a name and a Column');
      return withStep(df, ctx, { op: 'withColumn', column: column.s, expr: toColumn(value, 'literal').e });
    }
    case 'withColumnRenamed': {
      const [from, to] = args;
      if (from?.v !== 'str' || to?.v !== 'str') throw new TranslationError('withColumnRenamed() takes two names');
      return select(df, ctx, (rel) => `SELECT * RENAME (${quoteIdent(from.s)} AS ${quoteIdent(to.s)}) FROM ${rel}`);
    }
    case 'drop': {
      const dropped = names('drop', args);
      ctx.notes.approximations.add('drop() of a column that does not exist fails here; Spark ignores it');
      return select(df, ctx, (from) => `SELECT * EXCLUDE (${identList(dropped)}) FROM ${from}`);
    }
    case 'orderBy':
    case 'sort': {
      const terms = orderTerms(args, kwargs, ctx);
      return select(df, ctx, (from) => `SELECT * FROM ${from} ORDER BY ${terms.join(', ')}`);
    }
    case 'limit': {
      const [n] = args;
      if (n?.v !== 'num' || !Number.isInteger(n.n) || n.n < 0) throw new TranslationError('limit() takes a whole number');
      return select(df, ctx, (from) => `SELECT * FROM ${from} LIMIT ${n.n}`);
    }
    case 'distinct':
      return select(df, ctx, (from) => `SELECT DISTINCT * FROM ${from}`);
    case 'dropDuplicates':
    case 'drop_duplicates': {
      const subset = args.length > 0 ? names(name, args) : kwargs.subset ? names(name, [kwargs.subset]) : [];
      if (subset.length === 0) return select(df, ctx, (from) => `SELECT DISTINCT * FROM ${from}`);
      ctx.notes.approximations.add('dropDuplicates(subset): which row of a duplicate group stays is not fixed, in Spark or here');
      return select(df, ctx, (from) => `SELECT * FROM ${from} QUALIFY row_number() OVER (PARTITION BY ${identList(subset)}) = 1`);
    }
    case 'dropna': {
      const subset = kwargs.subset ? names(name, [kwargs.subset]) : [];
      const test = subset.length > 0 ? subset.map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ') : 'COLUMNS(*) IS NOT NULL';
      return select(df, ctx, (from) => `SELECT * FROM ${from} WHERE ${test}`);
    }
    case 'fillna': {
      const [value] = args;
      const subset = kwargs.subset ? names(name, [kwargs.subset]) : [];
      if (!value || subset.length === 0) throw new TranslationError('fillna() is translated with a value and subset=[columns]');
      const fill = toDuckDb(literal(value), ctx.notes);
      const replaced = subset.map((c) => `coalesce(${quoteIdent(c)}, ${fill}) AS ${quoteIdent(c)}`);
      return select(df, ctx, (from) => `SELECT * REPLACE (${replaced.join(', ')}) FROM ${from}`);
    }
    case 'groupBy':
    case 'groupby':
      return { v: 'grouped', df, keys: flatten(args).map((a) => toColumn(a)) };
    case 'agg':
      return callGroupedMethod({ df, keys: [] }, 'agg', args, ctx);
    case 'join':
      return join(df, args, kwargs, ctx);
    case 'union':
    case 'unionAll':
    case 'unionByName': {
      const [other] = args;
      if (other?.v !== 'df') throw new TranslationError(`${name}() takes a DataFrame`);
      const byName = name === 'unionByName' ? ' BY NAME' : '';
      const otherSql = relationSql(other);
      return select(df, ctx, (from) => `SELECT * FROM ${from} UNION ALL${byName} SELECT * FROM (${otherSql})`);
    }
    case 'alias':
    case 'cache':
    case 'persist':
    case 'repartition':
    case 'coalesce':
      // Naming and physical layout: nothing changes in the rows.
      return df;
    default:
      throw new TranslationError(`DataFrame.${name}() is not translated`);
  }
}
