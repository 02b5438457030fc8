/**
 * How one column becomes a chart axis in SQL: numbers are binned when they have more distinct values than fit, and
 * everything else keeps its most frequent values. Labels come back as numbers for numeric columns, text otherwise.
 */
import type { Column } from '../blocks/contract';
import { quoteIdent } from '../sql/quote';
import { binCount, binEdge, binIndex, countOf, numberOf, type NumericRange } from './bins';
import { categoryText, isBinnable, numericValue } from './column-kinds';
import type { QueryRows } from './types';

/** A column's values as a chart shows them: a DOUBLE for numbers (NaN and infinities left out), else text. */
export function axisValue(col: Column): string {
  return isBinnable(col) ? numericValue(col) : categoryText(col);
}

/** The rows that have a plottable value in the column. */
export function hasValue(col: Column): string {
  return `${axisValue(col)} IS NOT NULL`;
}

/** The `limit` most frequent values of a column, as a subquery (ties: alphabetical), for an `IN` filter. */
export function topValuesSubquery(ref: string, col: Column, limit: number): string {
  const c = quoteIdent(col.name);
  return `SELECT ${c} FROM ${ref} WHERE ${hasValue(col)} GROUP BY ${c} ORDER BY count(*) DESC, ${categoryText(col)} LIMIT ${limit}`;
}

/** The finite range of a numeric column, or undefined when it has no finite value. */
export async function numericRange(query: QueryRows, ref: string, col: Column): Promise<NumericRange | undefined> {
  const v = numericValue(col);
  const row = (await query(`SELECT min(${v}) AS lo, max(${v}) AS hi FROM ${ref}`))[0] ?? {};
  const lo = numberOf(row.lo);
  const hi = numberOf(row.hi);
  return lo !== undefined && hi !== undefined ? { lo, hi } : undefined;
}

/** One axis of a two-column chart: the SQL of its label, the rows it keeps, and how a label reads back. */
export interface Axis {
  expr: string;
  filter: string;
  label(v: unknown): number | string | null;
}

const plain = (v: unknown): number | string | null => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));

/** An axis with at most `limit` labels: equal-width bins of a many-valued numeric column, or the top values. */
export async function planAxis(query: QueryRows, ref: string, col: Column, limit: number): Promise<Axis> {
  const c = quoteIdent(col.name);
  const distinct = countOf((await query(`SELECT count(DISTINCT ${c}) AS n FROM ${ref} WHERE ${hasValue(col)}`))[0]?.n);
  if (isBinnable(col) && distinct > limit) {
    const range = await numericRange(query, ref, col);
    if (range) {
      const bins = binCount(range, limit);
      return {
        expr: binIndex(numericValue(col), range, bins),
        filter: hasValue(col),
        label: (v) => {
          const k = numberOf(v);
          return k === undefined ? null : binEdge(range, bins, k);
        },
      };
    }
  }
  const filter = distinct > limit ? `${hasValue(col)} AND ${c} IN (${topValuesSubquery(ref, col, limit)})` : hasValue(col);
  return { expr: axisValue(col), filter, label: plain };
}
