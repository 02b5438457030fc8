import type { Relation } from '../blocks/contract';
import { fail } from '../errors/catalog';
import { isIntegerType } from '../blocks/columns';
import { binCount, binCounts, binEdge, countedValues, countOf, numberOf, type NumericRange } from './bins';
import { isBinnable } from './column-kinds';
import { distinctRowsSql, numericBinsSql, summarySql, summaryValue, topValuesSql } from './profile-sql';
import { findRatingsColumns, measureSparsity, type RatingsColumns } from './sparsity';
import type { ColumnProfile, HistogramBin, QueryRows, TableProfile } from './types';

export interface ProfileOptions {
  /** The user and item columns for the sparsity figure; by default they are found by name. */
  ratings?: RatingsColumns;
  /** Distinct counts are exact up to this many rows and approximate above (default one million). */
  exactDistinctUpTo?: number;
  /** Bins of a numeric column's histogram (default 20). */
  bins?: number;
  /** Categories in a text column's histogram (default 10); the top values list shows the first 5. */
  categories?: number;
}

const TOP_VALUES = 5;

/**
 * A data-quality report of one relation: counts, nulls, distinct values, range and spread, top values and a
 * histogram per column; duplicate rows; and the sparsity of a ratings matrix. Everything is aggregated in SQL.
 */
export async function profileTable(query: QueryRows, rel: Relation, options: ProfileOptions = {}): Promise<TableProfile> {
  const bins = options.bins ?? 20;
  const categories = Math.max(options.categories ?? 10, TOP_VALUES);
  const total = countOf((await query(`SELECT count(*) AS n FROM ${rel.ref}`))[0]?.n);
  const exact = total <= (options.exactDistinctUpTo ?? 1_000_000);
  const summary = (await query(summarySql(rel.ref, rel.columns, exact)))[0] ?? {};

  // Numeric columns with a finite range, each binned equally or, for a few whole numbers, value by value.
  const binned = rel.columns.flatMap((col, i) => {
    const lo = numberOf(summaryValue(summary, i, 'min'));
    const hi = numberOf(summaryValue(summary, i, 'max'));
    if (!isBinnable(col) || lo === undefined || hi === undefined) return [];
    const range = { lo, hi };
    return [{ col, i, range, values: countedValues(range, isIntegerType(col.type), bins) }];
  });
  const binnedAt = new Map(binned.map((b) => [b.i, b]));
  const binRows = binned.length > 0 ? await query(numericBinsSql(rel.ref, binned, bins)) : [];
  const topRows = rel.columns.length > 0 ? await query(topValuesSql(rel.ref, rel.columns, categories)) : [];

  const columns = rel.columns.map((col, i): ColumnProfile => {
    const count = countOf(summaryValue(summary, i, 'count'));
    const top = topRows
      .filter((r) => r.col === i)
      .map((r) => ({ value: String(r.value), count: countOf(r.n) }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const b = binnedAt.get(i);
    const rows = binRows.filter((r) => r.col === i);
    const histogram: HistogramBin[] = b
      ? b.values !== undefined
        ? valueHistogram(b.range, b.values, rows)
        : numericHistogram(b.range, bins, rows)
      : top.map((t) => ({ lo: t.value, count: t.count }));
    return {
      name: col.name,
      type: col.type,
      count,
      nulls: total - count,
      distinct: countOf(summaryValue(summary, i, 'distinct')),
      ...present('min', extreme(summaryValue(summary, i, 'min'))),
      ...present('max', extreme(summaryValue(summary, i, 'max'))),
      ...present('mean', finite(summaryValue(summary, i, 'mean'))),
      ...present('std', finite(summaryValue(summary, i, 'std'))),
      top: top.slice(0, TOP_VALUES),
      histogram,
    };
  });

  const distinctRows = countOf((await query(distinctRowsSql(rel.ref)))[0]?.n);
  const ratings = options.ratings ?? findRatingsColumns(rel.columns);
  if (options.ratings) {
    for (const name of [options.ratings.userColumn, options.ratings.itemColumn]) {
      if (!rel.columns.some((c) => c.name === name)) fail('E_COLUMN_MISSING', { column: name, where: 'the profiled output', available: rel.columns.map((c) => c.name).join(', ') });
    }
  }
  const sparsity = ratings ? await measureSparsity(query, rel.ref, ratings) : undefined;
  return { rows: total, duplicateRows: total - distinctRows, columns, ...(sparsity ? { sparsity } : {}) };
}

/** Every bin of the range, empty ones included, so a histogram's bars line up. */
function numericHistogram(range: NumericRange, bins: number, rows: readonly Record<string, unknown>[]): HistogramBin[] {
  const n = binCount(range, bins);
  return binCounts(n, rows).map((count, k) => ({ lo: binEdge(range, n, k), hi: binEdge(range, n, k + 1), count }));
}

/** A bar per whole number of the range, the missing ones included: a bin of one value has no upper edge. */
function valueHistogram(range: NumericRange, values: number, rows: readonly Record<string, unknown>[]): HistogramBin[] {
  return binCounts(values, rows).map((count, k) => ({ lo: range.lo + k, count }));
}


/** A minimum or maximum: a finite number, or the text of a non-numeric value. */
function extreme(v: unknown): string | number | undefined {
  return typeof v === 'string' ? v : finite(v);
}

function finite(v: unknown): number | undefined {
  const n = numberOf(v);
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** `{ [key]: value }` when the value is present, so that an absent figure is absent rather than undefined. */
function present<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
