/**
 * What the studio's Profile and Chart tabs show about one block output. The engine computes all of it in SQL; these
 * are the plain-data answers that cross the worker boundary (re-exported by `src/worker/engine-api.ts`).
 */
import type { SqlRow } from '../sql/sql-runner';

/** Runs one bounded query (an aggregate or a LIMIT) and returns its rows. */
export type QueryRows = (sql: string) => Promise<SqlRow[]>;

export interface HistogramBin {
  /** Lower bound (numeric columns) or category label (text columns). */
  lo: number | string;
  hi?: number;
  count: number;
}

export interface ColumnProfile {
  name: string;
  type: string;
  /** Non-null values. */
  count: number;
  nulls: number;
  /** Distinct non-null values: exact up to a million rows, approximate (HyperLogLog) above. */
  distinct: number;
  min?: string | number;
  max?: string | number;
  mean?: number;
  std?: number;
  /** The most frequent values. */
  top: { value: string; count: number }[];
  histogram: HistogramBin[];
}

/** A data-quality report of one block output, computed in SQL. */
export interface TableProfile {
  rows: number;
  duplicateRows: number;
  columns: ColumnProfile[];
  /** For ratings-like tables (a user-ish and an item-ish column): how empty the user × item matrix is. */
  sparsity?: { userColumn: string; itemColumn: string; users: number; items: number; ratings: number; sparsity: number };
}

export type ChartKind = 'histogram' | 'scatter' | 'bar' | 'heatmap';

/**
 * Chart data, already aggregated in SQL: columns of equal length.
 * - histogram: `x` the lower edge of each equal-width bin (all bins, empty ones too) or, for a text column, the
 *   most frequent categories; `z` the counts.
 * - bar: `x` the most frequent values, `z` their counts.
 * - heatmap: one cell per (`x`, `y`) pair that has rows; `z` its count. A numeric axis with more distinct values
 *   than the limit is binned (the label is the bin's lower edge); otherwise it shows its most frequent values.
 * - scatter: `x`, `y` the points.
 */
export interface ChartData {
  kind: ChartKind;
  x: (number | string | null)[];
  y?: (number | string | null)[];
  /** Heatmap cell counts or bar/histogram heights. */
  z?: number[];
  /** True when the scatter was sampled down to `limit` points. */
  sampled: boolean;
  /** Histogram of a few whole numbers: `x` holds each value, one bar each, rather than bins' lower edges. */
  byValue?: boolean;
}
