import { assertNever } from '../assert-never';
import { isIntegerType, requireColumn } from '../blocks/columns';
import type { Column, Relation } from '../blocks/contract';
import { quoteIdent } from '../sql/quote';
import { seededUnit, stableRowKey } from '../sql/seeded';
import { binCount, binCounts, binEdge, binIndex, countedValues, countOf, valueIndex } from './bins';
import { axisValue, hasValue, numericRange, planAxis } from './chart-axes';
import { categoryText, isBinnable } from './column-kinds';
import type { ChartData, ChartKind, QueryRows } from './types';

export interface ChartSpec {
  kind: ChartKind;
  x: string;
  y?: string;
  /** Most bins (histogram), bars, labels per axis (heatmap) or points (scatter). */
  limit: number;
}

/** Upper bounds on `limit`, so that a request can never pull a whole table into JS. */
const MAX_LIMIT: Readonly<Record<ChartKind, number>> = { histogram: 200, bar: 500, heatmap: 100, scatter: 50_000 };

/** The scatter sample's seed: fixed, so that the same data always gives the same points. */
export const SCATTER_SEED = 42;

const WHERE = 'the chart data';
const plain = (v: unknown): number | string | null => (v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));

/** Chart data for one relation, aggregated (or, for a scatter above the limit, sampled with a seed) in SQL. */
export async function chartData(query: QueryRows, rel: Relation, spec: ChartSpec): Promise<ChartData> {
  const limit = Math.max(1, Math.min(Math.floor(spec.limit), MAX_LIMIT[spec.kind]));
  const x = requireColumn(rel, spec.x, WHERE);
  switch (spec.kind) {
    case 'histogram':
      return isBinnable(x) ? histogram(query, rel.ref, x, limit) : { ...(await bars(query, rel.ref, x, limit)), kind: 'histogram' };
    case 'bar':
      return bars(query, rel.ref, x, limit);
    case 'heatmap':
      return heatmap(query, rel.ref, x, requireColumn(rel, spec.y ?? '', WHERE), limit);
    case 'scatter':
      return scatter(query, rel, x, requireColumn(rel, spec.y ?? '', WHERE), limit);
    default:
      return assertNever(spec.kind);
  }
}

/**
 * Equal-width bins over the column's finite range: every bin's lower edge, and its count. A few whole numbers (as
 * many as the bins or fewer) are counted value by value instead, every value of the range with its count.
 */
async function histogram(query: QueryRows, ref: string, col: Column, limit: number): Promise<ChartData> {
  const range = await numericRange(query, ref, col);
  if (!range) return { kind: 'histogram', x: [], z: [], sampled: false };
  const values = countedValues(range, isIntegerType(col.type), limit);
  const bins = values ?? binCount(range, limit);
  const index = values === undefined ? binIndex(axisValue(col), range, bins) : valueIndex(axisValue(col), range);
  const z = binCounts(bins, await query(`SELECT ${index} AS bin, count(*) AS n FROM ${ref} WHERE ${hasValue(col)} GROUP BY ALL`));
  if (values !== undefined) return { kind: 'histogram', x: z.map((_, k) => range.lo + k), z, sampled: false, byValue: true };
  return { kind: 'histogram', x: z.map((_, k) => binEdge(range, bins, k)), z, sampled: false };
}

/** The most frequent values and their counts (ties: alphabetical). */
async function bars(query: QueryRows, ref: string, col: Column, limit: number): Promise<ChartData> {
  const c = quoteIdent(col.name);
  const rows = await query(
    `SELECT ${axisValue(col)} AS value, count(*) AS n FROM ${ref} WHERE ${hasValue(col)} GROUP BY ${c} ORDER BY n DESC, ${categoryText(col)} LIMIT ${limit}`,
  );
  return { kind: 'bar', x: rows.map((r) => plain(r.value)), z: rows.map((r) => countOf(r.n)), sampled: false };
}

/** Counts per (x, y) cell; each axis is binned or limited to its most frequent values. */
async function heatmap(query: QueryRows, ref: string, xCol: Column, yCol: Column, limit: number): Promise<ChartData> {
  const xAxis = await planAxis(query, ref, xCol, limit);
  const yAxis = await planAxis(query, ref, yCol, limit);
  const rows = await query(
    `SELECT ${xAxis.expr} AS x, ${yAxis.expr} AS y, count(*) AS n FROM ${ref} WHERE ${xAxis.filter} AND ${yAxis.filter} GROUP BY ALL ORDER BY x, y`,
  );
  return {
    kind: 'heatmap',
    x: rows.map((r) => xAxis.label(r.x)),
    y: rows.map((r) => yAxis.label(r.y)),
    z: rows.map((r) => countOf(r.n)),
    sampled: false,
  };
}

/**
 * Every point, or a seeded sample of `limit` of them: the same rows on every run and in every engine. Rows are keyed
 * by all their columns, so that rows sharing a point are sampled as often as the data has them, not as one.
 */
async function scatter(query: QueryRows, rel: Relation, xCol: Column, yCol: Column, limit: number): Promise<ChartData> {
  const where = `${hasValue(xCol)} AND ${hasValue(yCol)}`;
  const total = countOf((await query(`SELECT count(*) AS n FROM ${rel.ref} WHERE ${where}`))[0]?.n);
  const sampled = total > limit;
  const order = sampled ? `${seededUnit(SCATTER_SEED, stableRowKey(rel.columns))}, x, y LIMIT ${limit}` : 'x, y';
  const rows = await query(`SELECT ${axisValue(xCol)} AS x, ${axisValue(yCol)} AS y FROM ${rel.ref} WHERE ${where} ORDER BY ${order}`);
  return { kind: 'scatter', x: rows.map((r) => plain(r.x)), y: rows.map((r) => plain(r.y)), sampled };
}
