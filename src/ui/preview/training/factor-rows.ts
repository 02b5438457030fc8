import { tableFromIPC } from 'apache-arrow';
import { isNumericType } from '../../../engine/blocks/columns';
import type { Column } from '../../../engine/blocks/types';
import { formatArrowValue } from '../arrow-rows';

/** Most items the scatter fetches and projects: enough to see the shape, few enough to draw as SVG. */
export const SCATTER_ITEMS = 5000;

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
  colour?: ColourValues;
}

/**
 * Reads a preview page of a factor output: the factors as numbers (a NULL reads as 0, as an untrained factor is),
 * the id column as text, and the colour column, if one is picked.
 */
export function readFactorPage(bytes: Uint8Array, factors: readonly string[], idColumn: string, colour: Column | undefined): FactorPage {
  const table = tableFromIPC(bytes);
  const rows = table.numRows;
  const values = new Float64Array(rows * factors.length);
  factors.forEach((name, j) => {
    const vector = table.getChild(name);
    for (let r = 0; r < rows; r++) values[r * factors.length + j] = Number(vector?.get(r) ?? 0);
  });
  const textOf = (name: string): (string | null)[] => {
    const i = table.schema.fields.findIndex((f) => f.name === name);
    const vector = table.getChildAt(i);
    const field = table.schema.fields[i];
    return Array.from({ length: rows }, (_, r) => (vector && field ? formatArrowValue(vector.get(r), field) : null));
  };
  const ids = textOf(idColumn).map((id) => id ?? '');
  const page: FactorPage = { rows, values, ids };
  if (colour && isNumericType(colour.type)) {
    const vector = table.getChild(colour.name);
    page.colour = { kind: 'number', name: colour.name, values: Array.from({ length: rows }, (_, r) => toNumber(vector?.get(r))) };
  } else if (colour) {
    page.colour = { kind: 'text', name: colour.name, values: textOf(colour.name) };
  }
  return page;
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
