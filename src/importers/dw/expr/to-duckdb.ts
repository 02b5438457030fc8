import { assertNever } from '../../../engine/assert-never';
import { quoteIdent, quoteLiteral } from '../../../engine/sql/quote';
import { TranslationError, type BinaryOp, type Expr } from './ast';
import { sparkFunctions } from './functions';
import type { TranslationNotes } from './notes';

/** Spark type names and the DuckDB types they become. */
const TYPES: Record<string, string> = {
  string: 'VARCHAR', varchar: 'VARCHAR', char: 'VARCHAR', text: 'VARCHAR',
  int: 'INTEGER', integer: 'INTEGER', bigint: 'BIGINT', long: 'BIGINT', smallint: 'SMALLINT', short: 'SMALLINT',
  tinyint: 'TINYINT', byte: 'TINYINT', double: 'DOUBLE', float: 'FLOAT', real: 'FLOAT',
  boolean: 'BOOLEAN', bool: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP', binary: 'BLOB', decimal: 'DECIMAL(10,0)',
};

/** The DuckDB type for a Spark type name (`long`, `decimal(10,2)`, `IntegerType()`). */
export function duckType(spark: string): string {
  const t = spark.trim().toLowerCase().replace(/type(\(\))?$/, '').replace(/\s+/g, '');
  const decimal = /^(?:decimal|numeric|dec)\((\d+)(?:,(\d+))?\)$/.exec(t);
  if (decimal) return `DECIMAL(${decimal[1]},${decimal[2] ?? 0})`;
  const type = TYPES[t];
  if (!type) throw new TranslationError(`type ${JSON.stringify(spark)} is not translated`);
  return type;
}

const SUFFIX_TYPES: Record<string, string> = { l: 'BIGINT', s: 'SMALLINT', y: 'TINYINT', d: 'DOUBLE', f: 'FLOAT', bd: 'DECIMAL(38,18)' };

function numberLiteral(text: string): string {
  const m = /^(.*?)(bd|[lsydf])?$/i.exec(text)!;
  const type = m[2] ? SUFFIX_TYPES[m[2].toLowerCase()] : undefined;
  return type ? `CAST(${m[1]} AS ${type})` : m[1]!;
}

const OPERATORS: Record<Exclude<BinaryOp, '^'>, string> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', div: '//', '||': '||', '=': '=', '<=>': 'IS NOT DISTINCT FROM',
  '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=', and: 'AND', or: 'OR', '&': '&', '|': '|',
};

const EXTRACT_FIELDS: Record<string, string> = {
  year: 'year', years: 'year', quarter: 'quarter', month: 'month', months: 'month', week: 'week', weeks: 'week',
  day: 'day', days: 'day', dayofmonth: 'day', doy: 'dayofyear', dayofyear: 'dayofyear', hour: 'hour', hours: 'hour',
  minute: 'minute', minutes: 'minute', second: 'second', seconds: 'second',
};

export interface PrintOptions {
  /** The table alias a column reference is qualified with (the sides of a join); undefined for a bare name. */
  qualify?(column: Extract<Expr, { t: 'col' }>): string | undefined;
}

/**
 * Prints an expression tree as DuckDB SQL. Every compound part is parenthesised, so precedence never differs
 * between the engines; names and literals go through the engine's quoting helpers. Throws a TranslationError naming
 * what has no translation.
 */
export function toDuckDb(e: Expr, notes: TranslationNotes, options: PrintOptions = {}): string {
  const print = (x: Expr) => toDuckDb(x, notes, options);
  switch (e.t) {
    case 'col': {
      const qualifier = options.qualify?.(e);
      return qualifier ? `${qualifier}.${quoteIdent(e.name)}` : quoteIdent(e.name);
    }
    case 'star':
      return '*';
    case 'str':
      return quoteLiteral(e.value);
    case 'num':
      return numberLiteral(e.text);
    case 'bool':
      return e.value ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
    case 'call': {
      const translate = Object.hasOwn(sparkFunctions, e.name) ? sparkFunctions[e.name] : undefined;
      if (!translate) {
        // Spark's type-named functions (`date(x)`, `int(x)`) are casts.
        if (e.args.length === 1 && Object.hasOwn(TYPES, e.name)) return print({ t: 'cast', e: e.args[0]!, type: e.name });
        throw new TranslationError(`function ${e.name}() has no DuckDB translation`);
      }
      // Arguments are printed when the translation asks for them: unix_timestamp(current_timestamp()) never prints (or
      // notes) the inner call.
      let sql: string[] | undefined;
      return translate({
        name: e.name,
        get sql() {
          return (sql ??= e.args.map(print));
        },
        raw: e.args,
        distinct: e.distinct ?? false,
        notes,
      });
    }
    case 'bin':
      if (e.op === '^') return `xor(${print(e.left)}, ${print(e.right)})`;
      return `(${print(e.left)} ${OPERATORS[e.op]} ${print(e.right)})`;
    case 'unary':
      return e.op === 'not' ? `(NOT ${print(e.e)})` : `(${e.op}${print(e.e)})`;
    case 'case': {
      const whens = e.whens.map((w) => `WHEN ${print(w.when)} THEN ${print(w.then)}`).join(' ');
      const operand = e.operand ? `${print(e.operand)} ` : '';
      const otherwise = e.otherwise ? ` ELSE ${print(e.otherwise)}` : '';
      return `(CASE ${operand}${whens}${otherwise} END)`;
    }
    case 'cast':
      // Spark (outside ANSI mode) gives NULL for a value that does not convert.
      return `TRY_CAST(${print(e.e)} AS ${duckType(e.type)})`;
    case 'isnull':
      return `(${print(e.e)} IS ${e.not ? 'NOT ' : ''}NULL)`;
    case 'in':
      return `(${print(e.e)} ${e.not ? 'NOT IN' : 'IN'} (${e.list.map(print).join(', ')}))`;
    case 'between':
      return `(${print(e.e)} ${e.not ? 'NOT BETWEEN' : 'BETWEEN'} ${print(e.low)} AND ${print(e.high)})`;
    case 'like': {
      const test =
        e.op === 'rlike' ? `regexp_matches(CAST(${print(e.e)} AS VARCHAR), ${print(e.pattern)})` : `(${print(e.e)} ${e.op.toUpperCase()} ${print(e.pattern)})`;
      return e.not ? `(NOT ${test})` : test;
    }
    case 'extract': {
      if (e.field === 'dow' || e.field === 'dayofweek') return `(dayofweek(TRY_CAST(${print(e.e)} AS TIMESTAMP)) + 1)`;
      const field = EXTRACT_FIELDS[e.field];
      if (!field) throw new TranslationError(`EXTRACT(${e.field.toUpperCase()} …) is not translated`);
      return `${field}(TRY_CAST(${print(e.e)} AS TIMESTAMP))`;
    }
    default:
      return assertNever(e);
  }
}
