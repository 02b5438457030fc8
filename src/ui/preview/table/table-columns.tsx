import { columnResizingFeature, columnSizingFeature, createColumnHelper, rowSortingFeature, tableFeatures, type CellContext } from '@tanstack/react-table';
import type { JSX } from 'react';
import { isNumericType } from '../../../engine/blocks/columns';
import type { Column } from '../../../engine/blocks/contract';
import { formatFloatCell } from '../number-format';
import type { CellText, PreviewRow } from './arrow-rows';

/**
 * The table's features: sorting state (applied by the engine in SQL: `manualSorting`), column sizes and resizing. Kept at module
 * scope so the table's models stay stable between renders.
 */
export const previewFeatures = tableFeatures({ rowSortingFeature, columnSizingFeature, columnResizingFeature });

export type PreviewFeatures = typeof previewFeatures;

/** A cell's text; SQL NULL is shown apart from the text "NULL". React writes both as text nodes, never as HTML. */
function CellValue({ value }: { value: CellText }): JSX.Element {
  if (value === null) return <span className="preview-null">NULL</span>;
  return <span className="preview-cell-text" title={value.length > 24 ? value : undefined}>{value}</span>;
}

/** A float's cell: rounded to six digits, its full value on hover (16-digit doubles would be cut off with "…"). */
function FloatValue({ value }: { value: CellText }): JSX.Element {
  if (value === null) return <span className="preview-null">NULL</span>;
  const { text, full } = formatFloatCell(value);
  return (
    <span className="preview-cell-text" title={full}>
      {text}
    </span>
  );
}

/**
 * Every column's cell renderer, one function for all: the table renders it as a component, so a renderer made anew
 * with each result's column definitions would make React replace every cell's DOM instead of updating its text.
 */
function renderCell(ctx: CellContext<PreviewFeatures, PreviewRow, unknown>): JSX.Element {
  return <CellValue value={ctx.getValue<CellText>()} />;
}

function renderFloatCell(ctx: CellContext<PreviewFeatures, PreviewRow, unknown>): JSX.Element {
  return <FloatValue value={ctx.getValue<CellText>()} />;
}

/** DuckDB's binary floating-point types (DECIMAL is exact and keeps the scale it was given). */
export function isFloatType(type: string): boolean {
  return ['DOUBLE', 'FLOAT', 'REAL', 'FLOAT4', 'FLOAT8'].includes(type.toUpperCase());
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

/** Narrow enough to tuck a column away, wide enough to keep its sort button and grip. */
export const MIN_COLUMN_WIDTH = 48;

const column = createColumnHelper<PreviewFeatures, PreviewRow>();

/** One column definition per output column; cells are read by position from the decoded row. */
export function previewColumns(columns: readonly Column[]) {
  return column.columns(
    columns.map((c, i) =>
      column.accessor((row): CellText => row.cells[i] ?? null, {
        id: c.name,
        header: c.name,
        size: columnWidth(c.type),
        minSize: MIN_COLUMN_WIDTH,
        cell: isFloatType(c.type) ? renderFloatCell : renderCell,
      }),
    ),
  );
}
