/**
 * Mean and standard deviation that come out bit-identical on every run and in every engine.
 *
 * DuckDB's avg and stddev over DOUBLE add rows in whatever order parallel threads deliver them, so the last bits
 * change from run to run. Here each value is first mapped into [0, 1] by the column's min and max (per row, so
 * exactly reproducible), then summed as DECIMAL(38,24), which is exact integer arithmetic, and the sums are combined
 * in exact integers too. Because the min and max themselves are in the data, the mapped values' sum of squared
 * deviations is at least 1/2 whenever they are not all equal, so the 1e-24 rounding of each term costs no precision
 * that a double could show. DECIMAL(38,24) holds sums of up to 1e14 rows.
 */
import type { SqlRow } from '../sql/sql-runner';
import { quoteIdent } from '../sql/quote';

const SCALE = 24;
const UNIT = 10n ** BigInt(SCALE);
const ONE = Number(UNIT);

/** A numeric column as a finite DOUBLE; NULL for NULL, NaN and ±infinity, which statistics leave out. */
export function finiteValue(column: string): string {
  const x = `CAST(${quoteIdent(column)} AS DOUBLE)`;
  return `CASE WHEN isfinite(${x}) THEN ${x} END`;
}

/**
 * The statistics one query computes. `first` aggregates run over the input. `second` aggregates run over the input
 * again, but see only the `values` it projects (`<expr> AS value_<key>`) and the first pass's aliases: no input
 * column is in scope there, so no column name can clash with them. Aliases must be plain and unique.
 */
export interface TwoPassStats {
  first: string[];
  values: string[];
  second: string[];
}

/** Aggregates for the mean and sample standard deviation of `value` (from finiteValue), under aliases ending `_<key>`. */
export function momentAggregates(key: string, value: string): TwoPassStats {
  const [x, lo, hi] = [`value_${key}`, `lo_${key}`, `hi_${key}`];
  const u = `CASE WHEN ${hi} > ${lo} THEN (${x} - ${lo}) / (${hi} - ${lo}) ELSE 0 END`;
  // As text, so that every runner hands the exact decimal over the same way.
  const exactSum = (term: string) => `CAST(sum(CAST(${term} AS DECIMAL(38,${SCALE}))) AS VARCHAR)`;
  return {
    first: [`min(${value}) AS ${lo}`, `max(${value}) AS ${hi}`, `count(${value}) AS n_${key}`],
    values: [`${value} AS ${x}`],
    // u * u, not pow(): multiplication is correctly rounded in every engine, pow() depends on the platform's libm.
    second: [`${exactSum(`(${u})`)} AS s1_${key}`, `${exactSum(`(${u}) * (${u})`)} AS s2_${key}`],
  };
}

/** Statistics that need one pass only. */
export function onePass(first: string[]): TwoPassStats {
  return { first, values: [], second: [] };
}

/** One statement for both passes; it returns exactly one row, even over an empty input. */
export function twoPassQuery(ref: string, parts: readonly TwoPassStats[]): string {
  const all = (k: keyof TwoPassStats) => parts.flatMap((s) => s[k]).join(', ');
  const first = `SELECT ${all('first')} FROM ${ref}`;
  if (parts.every((s) => s.second.length === 0)) return first;
  const values = `(SELECT ${all('values')} FROM ${ref}) AS input_values`;
  // The CTE's name is unusual so that it cannot hide an input table of the same name.
  const cte = '__wrangle_first_pass';
  return `WITH ${cte} AS (${first}) SELECT * FROM ${cte}, (SELECT ${all('second')} FROM ${values}, ${cte}) AS second_pass`;
}

/** A DECIMAL(38,SCALE) in its text form, as an integer count of 10^-SCALE. */
function scaledInteger(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[-+]/, '').split('.');
  const units = BigInt(whole + fraction.padEnd(SCALE, '0').slice(0, SCALE));
  return negative ? -units : units;
}

/** Count, mean and sample standard deviation from a row of twoPassQuery over momentAggregates(key). */
export function moments(row: SqlRow, key: string): { count: number; mean: number | null; stddev: number | null } {
  const count = Number(row[`n_${key}`] ?? 0);
  if (count === 0) return { count, mean: null, stddev: null };
  const lo = Number(row[`lo_${key}`]);
  const range = Number(row[`hi_${key}`]) - lo;
  const s1 = scaledInteger(String(row[`s1_${key}`] ?? '0'));
  const s2 = scaledInteger(String(row[`s2_${key}`] ?? '0'));
  const mean = lo + range * (Number(s1) / ONE / count);
  if (count < 2) return { count, mean, stddev: null };
  // Σ(u - ū)² = Σu² - (Σu)²/n, in exact integers: subtracting two doubles here could cancel most of the digits.
  const n = BigInt(count);
  const deviations = Number(s2 * UNIT * n - s1 * s1) / (ONE * ONE * count);
  return { count, mean, stddev: range * Math.sqrt(Math.max(0, deviations) / (count - 1)) };
}
