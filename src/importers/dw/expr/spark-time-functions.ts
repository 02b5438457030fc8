import { quoteLiteral } from '../../../engine/sql/quote';
import { TranslationError, type Expr } from './ast';
import { arity, literalText, nondeterministic, text, type CallArgs, type Translate } from './call-args';
import { strftimePattern } from './datetime-format';

const timestamp = (sql: string) => `TRY_CAST(${sql} AS TIMESTAMP)`;
const date = (sql: string) => `TRY_CAST(${sql} AS DATE)`;
const isNow = (e: Expr | undefined) => e?.t === 'call' && ['current_timestamp', 'now', 'localtimestamp'].includes(e.name);

/** Whole seconds since the epoch of the current time, as Spark's unix_timestamp() gives them (UTC). */
function unixNow(a: CallArgs): string {
  a.notes.nondeterministic.add('unix_timestamp(current_timestamp())');
  return 'CAST(floor(epoch(current_timestamp)) AS BIGINT)';
}

function unixTimestamp(a: CallArgs): string {
  arity(a, 0, 2);
  if (a.raw.length === 0 || (a.raw.length === 1 && isNow(a.raw[0]))) return unixNow(a);
  const parsed = a.raw.length === 2 ? `try_strptime(${text(a.sql[0]!)}, ${quoteLiteral(strftimePattern(literalText(a, 1, 'date pattern')))})` : timestamp(a.sql[0]!);
  return `CAST(floor(epoch(${parsed})) AS BIGINT)`;
}

function datePart(part: string, offset = ''): Translate {
  return (a) => {
    arity(a, 1);
    return `(${part}(${timestamp(a.sql[0]!)})${offset})`;
  };
}

const TRUNC_UNITS: Record<string, string> = {
  year: 'year', yyyy: 'year', yy: 'year', quarter: 'quarter', month: 'month', mon: 'month', mm: 'month',
  week: 'week', day: 'day', dd: 'day', hour: 'hour', minute: 'minute', second: 'second',
};

function truncUnit(a: CallArgs, i: number): string {
  const unit = TRUNC_UNITS[literalText(a, i, 'unit').toLowerCase()];
  if (!unit) throw new TranslationError(`${a.name}(): unit ${JSON.stringify(literalText(a, i, 'unit'))} is not translated`);
  return quoteLiteral(unit);
}

/** Spark's date and time functions. Spark's session time zone is not known here: times are taken as UTC. */
export const sparkTimeFunctions: Record<string, Translate> = {
  current_timestamp: nondeterministic('current_timestamp'),
  now: nondeterministic('current_timestamp'),
  localtimestamp: nondeterministic('current_timestamp'),
  current_date: nondeterministic('current_date'),
  unix_timestamp: unixTimestamp,
  to_unix_timestamp: unixTimestamp,
  from_unixtime: (a) => {
    arity(a, 1, 2);
    const pattern = a.sql.length === 2 ? strftimePattern(literalText(a, 1, 'date pattern')) : '%Y-%m-%d %H:%M:%S';
    a.notes.approximations.add('from_unixtime: times are written in UTC, not in the Spark session time zone');
    return `strftime(make_timestamp(CAST(${a.sql[0]} AS BIGINT) * 1000000), ${quoteLiteral(pattern)})`;
  },
  to_date: (a) => {
    arity(a, 1, 2);
    if (a.sql.length === 1) return date(a.sql[0]!);
    return `CAST(try_strptime(${text(a.sql[0]!)}, ${quoteLiteral(strftimePattern(literalText(a, 1, 'date pattern')))}) AS DATE)`;
  },
  to_timestamp: (a) => {
    arity(a, 1, 2);
    if (a.sql.length === 1) return timestamp(a.sql[0]!);
    return `try_strptime(${text(a.sql[0]!)}, ${quoteLiteral(strftimePattern(literalText(a, 1, 'date pattern')))})`;
  },
  date_format: (a) => {
    arity(a, 2);
    return `strftime(${timestamp(a.sql[0]!)}, ${quoteLiteral(strftimePattern(literalText(a, 1, 'date pattern')))})`;
  },
  datediff: (a) => {
    arity(a, 2);
    return `date_diff('day', ${date(a.sql[1]!)}, ${date(a.sql[0]!)})`;
  },
  date_add: (a) => {
    arity(a, 2);
    return `CAST(${date(a.sql[0]!)} + CAST(${a.sql[1]} AS INTEGER) AS DATE)`;
  },
  date_sub: (a) => {
    arity(a, 2);
    return `CAST(${date(a.sql[0]!)} - CAST(${a.sql[1]} AS INTEGER) AS DATE)`;
  },
  add_months: (a) => {
    arity(a, 2);
    return `CAST(${date(a.sql[0]!)} + to_months(CAST(${a.sql[1]} AS INTEGER)) AS DATE)`;
  },
  last_day: (a) => {
    arity(a, 1);
    return `last_day(${date(a.sql[0]!)})`;
  },
  date_trunc: (a) => {
    arity(a, 2);
    return `date_trunc(${truncUnit(a, 0)}, ${timestamp(a.sql[1]!)})`;
  },
  trunc: (a) => {
    arity(a, 2);
    return `CAST(date_trunc(${truncUnit(a, 1)}, ${date(a.sql[0]!)}) AS DATE)`;
  },
  year: datePart('year'),
  quarter: datePart('quarter'),
  month: datePart('month'),
  day: datePart('day'),
  dayofmonth: datePart('day'),
  dayofyear: datePart('dayofyear'),
  weekofyear: datePart('week'),
  // Spark counts Sunday as 1, DuckDB as 0.
  dayofweek: datePart('dayofweek', ' + 1'),
  hour: datePart('hour'),
  minute: datePart('minute'),
  second: datePart('second'),
};
