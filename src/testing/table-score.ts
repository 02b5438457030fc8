/**
 * Scores an import against the table a person expects, the way CSV-loading benchmarks do: header, record and cell
 * precision and recall. A header name matches by position; a record is a whole row, matched once to an equal
 * expected row wherever it is; a cell matches at its column, in rows aligned in file order (so a row left out costs its own cells only). A cell matches when it reads as the file wrote
 * it: the same text, or for a cell the import made a number, the same number (`4.0` and 4). A failed import scores 0.
 */
import type { Column } from '../engine/blocks/contract';
import type { SqlValue } from '../engine/sql/sql-runner';
import type { TextTable } from './polluted-corpus';

export interface TableScore {
  headerPrecision: number;
  headerRecall: number;
  recordPrecision: number;
  recordRecall: number;
  cellPrecision: number;
  cellRecall: number;
}

export type Imported = { columns: Column[]; rows: Record<string, SqlValue>[] } | { error: { code: string; message: string } };

export const SCORE_KEYS: (keyof TableScore)[] = ['headerPrecision', 'headerRecall', 'recordPrecision', 'recordRecall', 'cellPrecision', 'cellRecall'];

const ratio = (n: number, d: number): number => (d === 0 ? (n === 0 ? 1 : 0) : n / d);

/** A cell as text, or as a number where the import read a number. */
type Cell = string | number;

function cellOf(v: SqlValue | undefined): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return String(v);
  return String(v);
}

function sameCell(expected: string, got: Cell): boolean {
  if (typeof got === 'string') return got === expected;
  return expected.trim() !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(expected.trim()) && Number(expected) === got;
}

const sameRow = (expected: readonly string[], got: readonly Cell[]): boolean => expected.length === got.length && expected.every((e, j) => sameCell(e, got[j]!));

/**
 * Cells that match, with the rows aligned in order (a row left out or added does not shift every cell after it):
 * the best monotone pairing of imported rows with expected rows, by cells equal at the same column.
 */
function alignedCells(expected: readonly string[][], got: readonly Cell[][], width: number): number {
  const same = (e: readonly string[], g: readonly Cell[]): number => e.reduce((n, v, j) => n + (j < width && g[j] !== undefined && sameCell(v, g[j]!) ? 1 : 0), 0);
  let prev = new Array<number>(got.length + 1).fill(0);
  for (const e of expected) {
    const next = new Array<number>(got.length + 1).fill(0);
    for (let k = 1; k <= got.length; k++) next[k] = Math.max(next[k - 1]!, prev[k]!, prev[k - 1]! + same(e, got[k - 1]!));
    prev = next;
  }
  return prev[got.length]!;
}

export function scoreImport(expected: TextTable, imported: Imported): TableScore {
  if ('error' in imported) return { headerPrecision: 0, headerRecall: 0, recordPrecision: 0, recordRecall: 0, cellPrecision: 0, cellRecall: 0 };
  const names = imported.columns.map((c) => c.name);
  const rows = imported.rows.map((r) => names.map((n) => cellOf(r[n])));
  const headerHits = expected.header.filter((h, j) => names[j] === h).length;
  const unmatched = expected.rows.slice();
  let recordHits = 0;
  for (const row of rows) {
    const k = unmatched.findIndex((e) => sameRow(e, row));
    if (k >= 0) {
      recordHits++;
      unmatched.splice(k, 1);
    }
  }
  const cellHits = alignedCells(expected.rows, rows, names.length);
  const expectedCells = expected.rows.length * expected.header.length;
  return {
    headerPrecision: ratio(headerHits, names.length),
    headerRecall: ratio(headerHits, expected.header.length),
    recordPrecision: ratio(recordHits, rows.length),
    recordRecall: ratio(recordHits, expected.rows.length),
    cellPrecision: ratio(cellHits, rows.length * names.length),
    cellRecall: ratio(cellHits, expectedCells),
  };
}

/** The mean of each score over files, and the overall score out of 10 (the mean of the six, times 10). */
export function meanScore(scores: readonly TableScore[]): TableScore & { overall: number } {
  const mean = Object.fromEntries(SCORE_KEYS.map((k) => [k, scores.reduce((s, x) => s + x[k], 0) / Math.max(1, scores.length)])) as unknown as TableScore;
  return { ...mean, overall: (10 * SCORE_KEYS.reduce((s, k) => s + mean[k], 0)) / SCORE_KEYS.length };
}
