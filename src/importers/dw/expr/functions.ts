import { quoteLiteral } from '../../../engine/sql/quote';
import { TranslationError } from './ast';
import { arity, literalInt, literalText, nondeterministic, text, type CallArgs, type Translate } from './call-args';
import { sparkTimeFunctions } from './spark-time-functions';


function simple(duck: string, min: number, max = min): Translate {
  return (a) => {
    arity(a, min, max);
    return `${duck}(${a.sql.join(', ')})`;
  };
}



/** Spark's `$1` group references in a replacement are `\1` in DuckDB's (RE2) syntax. */
function replacement(a: CallArgs, i: number): string {
  const parts = literalText(a, i, 'replacement').split('\\$');
  return quoteLiteral(parts.map((part) => part.replace(/\$(\d)/g, '\\$1')).join('$'));
}


/** `Title Case` of each space-separated word, as Spark's initcap. DuckDB has no initcap, so it is spelt out. */
function initcap(sql: string): string {
  return `array_to_string(list_transform(string_split(lower(${text(sql)}), ' '), lambda w: upper(w[1:1]) || w[2:]), ' ')`;
}

/** Spark functions and their DuckDB spelling. Anything not here makes the step unsupported, naming the function. */
export const sparkFunctions: Record<string, Translate> = {
  ...sparkTimeFunctions,

  // Text. Spark's concat is NULL when any part is NULL, which is what || does (DuckDB's concat skips NULLs).
  concat: (a) => {
    arity(a, 1, Infinity);
    return `(${a.sql.map(text).join(' || ')})`;
  },
  concat_ws: (a) => {
    arity(a, 1, Infinity);
    return `concat_ws(${a.sql.join(', ')})`;
  },
  substring: substring,
  substr: substring,
  instr: (a) => {
    arity(a, 2);
    return `instr(${text(a.sql[0]!)}, ${a.sql[1]})`;
  },
  locate: (a) => {
    arity(a, 2, 3);
    const [sub, s] = [a.sql[0]!, text(a.sql[1]!)];
    const from = a.sql.length === 3 ? literalInt(a.raw[2]) : 1;
    if (from === 1) return `instr(${s}, ${sub})`;
    const start = a.sql[2]!;
    // Found at or after `start` (1-based), as a position in the whole string; 0 when not found or start < 1.
    const found = `instr(substring(${s}, ${start}), ${sub})`;
    return `(CASE WHEN ${start} < 1 OR ${found} = 0 THEN 0 ELSE ${found} + ${start} - 1 END)`;
  },
  length: (a) => {
    arity(a, 1);
    return `length(${text(a.sql[0]!)})`;
  },
  char_length: (a) => sparkFunctions.length!(a),
  character_length: (a) => sparkFunctions.length!(a),
  lower: simple('lower', 1),
  lcase: simple('lower', 1),
  upper: simple('upper', 1),
  ucase: simple('upper', 1),
  initcap: (a) => {
    arity(a, 1);
    return initcap(a.sql[0]!);
  },
  trim: simple('trim', 1, 2),
  ltrim: simple('ltrim', 1, 2),
  rtrim: simple('rtrim', 1, 2),
  reverse: simple('reverse', 1),
  repeat: simple('repeat', 2),
  lpad: (a) => {
    arity(a, 2, 3);
    return `lpad(${text(a.sql[0]!)}, ${a.sql[1]}, ${a.sql[2] ?? "' '"})`;
  },
  rpad: (a) => {
    arity(a, 2, 3);
    return `rpad(${text(a.sql[0]!)}, ${a.sql[1]}, ${a.sql[2] ?? "' '"})`;
  },
  replace: (a) => {
    arity(a, 2, 3);
    return `replace(${text(a.sql[0]!)}, ${a.sql[1]}, ${a.sql[2] ?? "''"})`;
  },
  translate: simple('translate', 3),
  left: simple('left', 2),
  right: simple('right', 2),
  ascii: simple('ascii', 1),
  md5: simple('md5', 1),
  regexp_replace: (a) => {
    arity(a, 3);
    return `regexp_replace(${text(a.sql[0]!)}, ${a.sql[1]}, ${replacement(a, 2)}, 'g')`;
  },
  regexp_extract: (a) => {
    arity(a, 2, 3);
    // Spark's default group is 1, DuckDB's 0.
    return `regexp_extract(${text(a.sql[0]!)}, ${a.sql[1]}, ${a.sql[2] ?? '1'})`;
  },
  regexp_extract_all: (a) => {
    arity(a, 2, 3);
    return `regexp_extract_all(${text(a.sql[0]!)}, ${a.sql[1]}, ${a.sql[2] ?? '1'})`;
  },
  split: (a) => {
    arity(a, 2, 3);
    const limit = a.sql.length === 3 ? literalInt(a.raw[2]) : -1;
    if (limit !== undefined && limit > 0) throw new TranslationError('split() with a positive limit is not translated');
    return `regexp_split_to_array(${text(a.sql[0]!)}, ${a.sql[1]})`;
  },
  size: (a) => {
    arity(a, 1);
    return `len(${a.sql[0]})`;
  },
  startswith: simple('starts_with', 2),
  endswith: simple('ends_with', 2),
  contains: simple('contains', 2),

  // Missing values and conditions.
  coalesce: simple('coalesce', 1, Infinity),
  nvl: simple('coalesce', 2),
  ifnull: simple('coalesce', 2),
  nullif: simple('nullif', 2),
  nvl2: (a) => {
    arity(a, 3);
    return `(CASE WHEN ${a.sql[0]} IS NOT NULL THEN ${a.sql[1]} ELSE ${a.sql[2]} END)`;
  },
  if: (a) => {
    arity(a, 3);
    return `(CASE WHEN ${a.sql[0]} THEN ${a.sql[1]} ELSE ${a.sql[2]} END)`;
  },
  isnull: (a) => {
    arity(a, 1);
    return `(${a.sql[0]} IS NULL)`;
  },
  isnotnull: (a) => {
    arity(a, 1);
    return `(${a.sql[0]} IS NOT NULL)`;
  },
  isnan: (a) => {
    arity(a, 1);
    return `isnan(CAST(${a.sql[0]} AS DOUBLE))`;
  },
  nanvl: (a) => {
    arity(a, 2);
    return `(CASE WHEN isnan(CAST(${a.sql[0]} AS DOUBLE)) THEN ${a.sql[1]} ELSE ${a.sql[0]} END)`;
  },
  greatest: simple('greatest', 2, Infinity),
  least: simple('least', 2, Infinity),

  // Numbers.
  abs: simple('abs', 1),
  sqrt: simple('sqrt', 1),
  cbrt: simple('cbrt', 1),
  exp: simple('exp', 1),
  ln: simple('ln', 1),
  log10: simple('log10', 1),
  log2: simple('log2', 1),
  // Spark's one-argument log is natural; DuckDB's log is base 10.
  log: (a) => {
    arity(a, 1, 2);
    return a.sql.length === 1 ? `ln(${a.sql[0]})` : `(ln(${a.sql[1]}) / ln(${a.sql[0]}))`;
  },
  pow: simple('pow', 2),
  power: simple('pow', 2),
  sin: simple('sin', 1),
  cos: simple('cos', 1),
  tan: simple('tan', 1),
  asin: simple('asin', 1),
  acos: simple('acos', 1),
  atan: simple('atan', 1),
  atan2: simple('atan2', 2),
  degrees: simple('degrees', 1),
  radians: simple('radians', 1),
  sign: simple('sign', 1),
  signum: simple('sign', 1),
  pi: simple('pi', 0),
  e: () => 'exp(1)',
  round: (a) => {
    arity(a, 1, 2);
    return `round(${a.sql[0]}, ${a.sql[1] ?? '0'})`;
  },
  bround: (a) => {
    arity(a, 1, 2);
    return `round_even(${a.sql[0]}, ${a.sql[1] ?? '0'})`;
  },
  // Spark's floor and ceil of a double are BIGINT.
  floor: (a) => {
    arity(a, 1);
    return `CAST(floor(${a.sql[0]}) AS BIGINT)`;
  },
  ceil: (a) => {
    arity(a, 1);
    return `CAST(ceil(${a.sql[0]}) AS BIGINT)`;
  },
  ceiling: (a) => sparkFunctions.ceil!(a),
  mod: (a) => {
    arity(a, 2);
    return `(${a.sql[0]} % ${a.sql[1]})`;
  },
  pmod: (a) => {
    arity(a, 2);
    return `(((${a.sql[0]} % ${a.sql[1]}) + ${a.sql[1]}) % ${a.sql[1]})`;
  },
  rand: nondeterministic('random()', 'rand(seed): the seed is not honoured'),
  random: nondeterministic('random()', 'rand(seed): the seed is not honoured'),
  uuid: nondeterministic('CAST(uuid() AS VARCHAR)'),

  // Aggregates (in PySpark agg() and Spark SQL). Means are summed exactly, as the aggregate block does, so reruns agree.
  count: (a) => `count(${a.distinct ? 'DISTINCT ' : ''}${a.sql.join(', ') || '*'})`,
  count_distinct: (a) => `count(DISTINCT ${a.sql.join(', ')})`,
  countdistinct: (a) => `count(DISTINCT ${a.sql.join(', ')})`,
  approx_count_distinct: simple('approx_count_distinct', 1, 2),
  sum: (a) => {
    arity(a, 1);
    return `sum(${a.distinct ? 'DISTINCT ' : ''}${a.sql[0]})`;
  },
  sum_distinct: (a) => `sum(DISTINCT ${a.sql[0]})`,
  sumdistinct: (a) => `sum(DISTINCT ${a.sql[0]})`,
  avg: exactMean,
  mean: exactMean,
  min: simple('min', 1),
  max: simple('max', 1),
  median: simple('median', 1),
  first: orderDependent('first'),
  last: orderDependent('last'),
  stddev: simple('stddev_samp', 1),
  stddev_samp: simple('stddev_samp', 1),
  std: simple('stddev_samp', 1),
  stddev_pop: simple('stddev_pop', 1),
  variance: simple('var_samp', 1),
  var_samp: simple('var_samp', 1),
  var_pop: simple('var_pop', 1),
  skewness: simple('skewness', 1),
  kurtosis: simple('kurtosis', 1),
  corr: simple('corr', 2),
  covar_samp: simple('covar_samp', 2),
  covar_pop: simple('covar_pop', 2),
  collect_list: simple('list', 1),
  collect_set: (a) => {
    arity(a, 1);
    return `list(DISTINCT ${a.sql[0]})`;
  },
  percentile_approx: (a) => {
    arity(a, 2, 3);
    return `approx_quantile(${a.sql[0]}, ${a.sql[1]})`;
  },
  approx_percentile: (a) => sparkFunctions.percentile_approx!(a),
  percentile: simple('quantile_cont', 2),
};

function substring(a: CallArgs): string {
  arity(a, 2, 3);
  // Spark reads position 0 as 1; DuckDB would start before the first character.
  const pos = literalInt(a.raw[1]);
  const start = pos === 0 ? '1' : pos !== undefined ? a.sql[1]! : `(CASE WHEN ${a.sql[1]} = 0 THEN 1 ELSE ${a.sql[1]} END)`;
  return `substring(${text(a.sql[0]!)}, ${[start, ...a.sql.slice(2)].join(', ')})`;
}

function exactMean(a: CallArgs): string {
  arity(a, 1);
  return `CAST(avg(${a.distinct ? 'DISTINCT ' : ''}CAST(${a.sql[0]} AS DECIMAL(38,12))) AS DOUBLE)`;
}

function orderDependent(duck: string): Translate {
  return (a) => {
    arity(a, 1, 2);
    a.notes.approximations.add(`${a.name}(): which row is ${a.name} depends on row order, which neither engine fixes`);
    return `${duck}(${a.sql[0]})`;
  };
}
