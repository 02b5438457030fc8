/**
 * The SQL behind a table profile. Each builder returns one statement that covers every column at once, so a profile
 * costs a handful of queries whatever the width of the table; JS only reads the aggregated rows.
 */
import type { Column } from '../blocks/contract';
import { quoteIdent } from '../sql/quote';
import { binIndex, valueIndex, type NumericRange } from './bins';
import { categoryText, isBinnable, isNestedType, numericValue } from './column-kinds';

/** The alias prefix of column `i`'s figures: plain and unique, so no column name can clash with it. */
const alias = (i: number, what: string): string => `c${i}_${what}`;

/** Row count, then per column: non-null count, distinct count, and min/max/mean/std (numbers) or min/max (text). */
export function summarySql(ref: string, columns: readonly Column[], exactDistinct: boolean): string {
  const parts = ['count(*) AS "rows"'];
  columns.forEach((col, i) => {
    const c = quoteIdent(col.name);
    parts.push(`count(${c}) AS ${alias(i, 'count')}`);
    parts.push(`${exactDistinct ? `count(DISTINCT ${c})` : `approx_count_distinct(${c})`} AS ${alias(i, 'distinct')}`);
    if (isBinnable(col)) {
      const v = numericValue(col);
      parts.push(`min(${v}) AS ${alias(i, 'min')}`, `max(${v}) AS ${alias(i, 'max')}`);
      parts.push(`avg(${v}) AS ${alias(i, 'mean')}`, `stddev_samp(${v}) AS ${alias(i, 'std')}`);
    } else if (!isNestedType(col.type)) {
      parts.push(`CAST(min(${c}) AS VARCHAR) AS ${alias(i, 'min')}`, `CAST(max(${c}) AS VARCHAR) AS ${alias(i, 'max')}`);
    }
  });
  return `SELECT ${parts.join(', ')} FROM ${ref}`;
}

/** A figure of column `i` from the summary row. */
export function summaryValue(row: Record<string, unknown>, i: number, what: 'count' | 'distinct' | 'min' | 'max' | 'mean' | 'std'): unknown {
  return row[alias(i, what)];
}

/**
 * The `n` most frequent non-null values of each column, as (col, value, n) rows: ties go to the alphabetically first
 * text, so the answer is the same on every run.
 */
export function topValuesSql(ref: string, columns: readonly Column[], n: number): string {
  return columns
    .map((col, i) => {
      const c = quoteIdent(col.name);
      return `SELECT * FROM (SELECT ${i} AS col, ${categoryText(col)} AS value, count(*) AS n FROM ${ref} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY n DESC, value LIMIT ${n})`;
    })
    .join(' UNION ALL ');
}

/**
 * Bin counts of numeric columns, as (col, bin, n) rows; empty bins have no row. A column whose whole numbers are
 * counted value by value (`values`, how many: see countedValues) has a bin per value; any other, equal-width bins.
 */
export function numericBinsSql(ref: string, binned: readonly { col: Column; i: number; range: NumericRange; values: number | undefined }[], bins: number): string {
  return binned
    .map(({ col, i, range, values }) => {
      const v = numericValue(col);
      return `SELECT ${i} AS col, ${values !== undefined ? valueIndex(v, range) : binIndex(v, range, bins)} AS bin, count(*) AS n FROM ${ref} WHERE ${v} IS NOT NULL GROUP BY ALL`;
    })
    .join(' UNION ALL ');
}

/** How many rows are left once exact duplicates are removed. */
export function distinctRowsSql(ref: string): string {
  return `SELECT count(*) AS n FROM (SELECT DISTINCT * FROM ${ref})`;
}
