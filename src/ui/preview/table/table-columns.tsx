import { columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures, type CellContext } from '@tanstack/react-table';
import type { JSX } from 'react';
import { isNumericType } from '../../../engine/blocks/columns';
import type { Column } from '../../../engine/blocks/contract';
import type { CellText, PreviewRow } from './arrow-rows';

/**
 * The table's features: sorting state (applied by the engine in SQL: `manualSorting`) and column sizes. Kept at module
 * scope so the table's models stay stable between renders.
 */
export const previewFeatures = tableFeatures({ rowSortingFeature, columnSizingFeature });

export type PreviewFeatures = typeof previewFeatures;

/** A cell's text; SQL NULL is shown apart from the text "NULL". React writes both as text nodes, never as HTML. */
function CellValue({ value }: { value: CellText }): JSX.Element {
  if (value === null) return <span className="preview-null">NULL</span>;
  return <span className="preview-cell-text" title={value.length > 24 ? value : undefined}>{value}</span>;
}

/**
 * Every column's cell renderer, one function for all: the table renders it as a component, so a renderer made anew
 * with each result's column definitions would make React replace every cell's DOM instead of updating its text.
 */
function renderCell(ctx: CellContext<PreviewFeatures, PreviewRow, unknown>): JSX.Element {
  return <CellValue value={ctx.getValue<CellText>()} />;
}

/** A column's starting width from its DuckDB type: numbers are narrow, text and timestamps wide. */
export function columnWidth(type: string): number {
  const t = type.toUpperCase();
  if (t === 'BOOLEAN') return 96;
  if (isNumericType(type)) return 128;
  if (t.startsWith('TIMESTAMP')) return 180;
  if (t === 'DATE' || t === 'TIME') return 120;
  return 184;
}

const column = createColumnHelper<PreviewFeatures, PreviewRow>();

/** One column definition per output column; cells are read by position from the decoded row. */
export function previewColumns(columns: readonly Column[]) {
  return column.columns(
    columns.map((c, i) =>
      column.accessor((row): CellText => row.cells[i] ?? null, {
        id: c.name,
        header: c.name,
        size: columnWidth(c.type),
        cell: renderCell,
      }),
    ),
  );
}
