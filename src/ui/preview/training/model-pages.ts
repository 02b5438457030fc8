/**
 * Reads the preview pages the model tabs draw from: an item-factor output (for the scatter) and an evaluate block's
 * crosstab (for the heatmap). Pages come through the ordinary preview path, so the tabs never fetch more rows than a
 * page holds.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { isNumericType } from '../../../engine/blocks/columns';
import type { Column } from '../../../engine/blocks/contract';
import { formatArrowValue } from '../table/arrow-rows';

/** Most items the scatter fetches and projects: enough to see the shape, few enough to draw as SVG. */
export const SCATTER_ITEMS = 5000;

/** Most crosstab cells fetched: a rating scale has tens of them. */
export const CROSSTAB_CELLS = 2500;

/** The factor columns of a model output (`f0` … `f{k-1}`), in factor order. */
export function factorColumns(columns: readonly Column[]): string[] {
  return columns
    .map((c) => c.name)
    .filter((name) => /^f\d+$/.test(name))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/** Columns the scatter can colour by: every column but the factors themselves. */
export function colourColumns(columns: readonly Column[]): Column[] {
  const factors = new Set(factorColumns(columns));
  return columns.filter((c) => !factors.has(c.name));
}

/** The colour of each point: numbers on a scale, or text labels. */
export type ColourValues = { kind: 'number'; name: string; values: (number | null)[] } | { kind: 'text'; name: string; values: (string | null)[] };

export interface FactorPage {
  rows: number;
  /** rows × factors.length values, row-major. */
  values: Float64Array;
  /** Each row's id as text, for the hover label. */
  ids: string[];
}

/** The factors of each row as numbers (a NULL reads as 0), and its id as text. */
export function readFactors(bytes: Uint8Array, factors: readonly string[], idColumn: string): FactorPage {
  const table = tableFromIPC(bytes);
  const rows = table.numRows;
  const values = new Float64Array(rows * factors.length);
  factors.forEach((name, j) => {
    const vector = table.getChild(name);
    for (let r = 0; r < rows; r++) values[r * factors.length + j] = Number(vector?.get(r) ?? 0);
  });
  return { rows, values, ids: textColumn(table, idColumn).map((id) => id ?? '') };
}

/** The picked colour column of the same page: numbers where the column is numeric, else its values as text. */
export function readColour(bytes: Uint8Array, column: Column): ColourValues {
  const table = tableFromIPC(bytes);
  if (isNumericType(column.type)) {
    const vector = table.getChild(column.name);
    return { kind: 'number', name: column.name, values: Array.from({ length: table.numRows }, (_, r) => toNumber(vector?.get(r))) };
  }
  return { kind: 'text', name: column.name, values: textColumn(table, column.name) };
}

/**
 * The colour of each item from an engine `itemValues` answer (`key`, `value` rows), in the order of `ids`: keys are
 * matched as the same text the factor page's ids are read as. An item the answer lacks gets NULL.
 */
export function readJoinedColour(bytes: Uint8Array, column: Column, ids: readonly string[]): ColourValues {
  const table = tableFromIPC(bytes);
  const keys = textColumn(table, 'key');
  if (isNumericType(column.type)) {
    const vector = table.getChild('value');
    const byKey = new Map(keys.map((k, r) => [k, toNumber(vector?.get(r))]));
    return { kind: 'number', name: column.name, values: ids.map((id) => byKey.get(id) ?? null) };
  }
  const values = textColumn(table, 'value');
  const byKey = new Map(keys.map((k, r) => [k, values[r] ?? null]));
  return { kind: 'text', name: column.name, values: ids.map((id) => byKey.get(id) ?? null) };
}

/** One cell of an evaluate block's crosstab. */
export interface CrosstabCell {
  observed: number;
  predicted: number;
  count: number;
}

/** An evaluate block's crosstab page (observed, predicted, count); rows with a missing value are skipped. */
export function readCrosstab(bytes: Uint8Array): CrosstabCell[] {
  const table = tableFromIPC(bytes);
  const [observed, predicted, count] = ['observed', 'predicted', 'count'].map((name) => table.getChild(name));
  const cells: CrosstabCell[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const cell = { observed: toNumber(observed?.get(r)), predicted: toNumber(predicted?.get(r)), count: toNumber(count?.get(r)) };
    if (cell.observed !== null && cell.predicted !== null && cell.count !== null) cells.push(cell as CrosstabCell);
  }
  return cells;
}

function textColumn(table: Table, name: string): (string | null)[] {
  const i = table.schema.fields.findIndex((f) => f.name === name);
  const vector = i < 0 ? null : table.getChildAt(i);
  const field = table.schema.fields[i];
  return Array.from({ length: table.numRows }, (_, r) => (vector && field ? formatArrowValue(vector.get(r), field) : null));
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
