import { quoteLiteral } from '../sql/quote';

/** The finite range of a numeric column. */
export interface NumericRange {
  lo: number;
  hi: number;
}

/** A double as SQL: through text, so that the engine reads back exactly the double JS holds (never a DECIMAL). */
export function doubleLiteral(x: number): string {
  return `CAST(${quoteLiteral(String(x))} AS DOUBLE)`;
}

/**
 * The index (0 … bins−1) of a numeric value's equal-width bin over the range, as SQL. The maximum falls into the
 * last bin; a range of one value has one bin.
 */
export function binIndex(value: string, range: NumericRange, bins: number): string {
  if (!(range.hi > range.lo)) return '0';
  const lo = doubleLiteral(range.lo);
  const hi = doubleLiteral(range.hi);
  return `least(CAST(floor((${value} - ${lo}) / (${hi} - ${lo}) * ${bins}) AS BIGINT), ${bins - 1})`;
}

/**
 * How many values a whole-number range holds when there are few enough to count one by one (a rating 1–5, a 0/1
 * flag): then each value is a bar of its own, where equal-width bins would leave gaps between them. Otherwise
 * undefined, and the range is binned.
 */
export function countedValues(range: NumericRange, integer: boolean, bins: number): number | undefined {
  const n = range.hi - range.lo + 1;
  return integer && Number.isInteger(range.lo) && Number.isInteger(range.hi) && n <= bins ? n : undefined;
}

/** The index of a whole number counted value by value (0 for the range's lowest value), as SQL. */
export function valueIndex(value: string, range: NumericRange): string {
  return `CAST(${value} - ${doubleLiteral(range.lo)} AS BIGINT)`;
}

/** How many bins a range gets: `bins`, or one when all values are equal. */
export function binCount(range: NumericRange, bins: number): number {
  return range.hi > range.lo ? bins : 1;
}

/** The lower edge of bin `k`; the upper edge is the lower edge of `k + 1`. */
export function binEdge(range: NumericRange, bins: number, k: number): number {
  return k === bins ? range.hi : range.lo + ((range.hi - range.lo) * k) / bins;
}

/** A row value as a number, or undefined for NULL and text that is not a number. */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isNaN(n) ? undefined : n;
  }
  return undefined;
}

/** A count from a row (counts are never NULL, but an empty aggregate may be). */
export function countOf(v: unknown): number {
  return numberOf(v) ?? 0;
}

/** The counts of bins 0 … n−1 from (bin, n) rows; a bin without a row is empty. */
export function binCounts(n: number, rows: readonly Record<string, unknown>[]): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const r of rows) {
    const k = numberOf(r.bin);
    if (k !== undefined && k >= 0 && k < n) counts[k] = countOf(r.n);
  }
  return counts;
}
