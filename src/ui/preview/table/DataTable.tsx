import { useTable, type ColumnSizingState, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { Column } from '../../../engine/blocks/contract';
import type { ColumnProfile, EngineClient, SortKey } from '../../../worker/engine-api';
import type { PreviewRow } from './arrow-rows';
import { ColumnHeader } from './ColumnHeader';
import { formatCount, formatRows } from '../number-format';
import { MAX_SCROLL_ROWS, rowAt, scrollRowCount } from './page-cache';
import { ariaSort, keepKnownSortKeys, nextSort } from './sort-cycle';
import { ColumnResizer } from './ColumnResizer';
import { MIN_COLUMN_WIDTH, previewColumns, previewFeatures } from './table-columns';
import { usePreviewPages } from './use-preview-pages';
import '../../styles/preview-table.css';

const ROW_HEIGHT = 28;
const INDEX_WIDTH = 64;

export interface DataTableProps {
  engine: EngineClient;
  blockId: string;
  port: string;
  /** The fresh result on screen and its columns. */
  resultKey: string;
  columns: Column[];
  /** Header histograms, from the result's profile (undefined until it arrives). */
  profileColumns: ColumnProfile[] | undefined;
  /** The block is recomputing: keep the rows on screen and ask for nothing new. */
  recomputing: boolean;
  /** Called once the first page of `resultKey` is on screen. */
  onRowsShown?: (resultKey: string) => void;
  /** The rows are the first ones of a big file, shown while the engine reads the rest. */
  partial?: boolean;
}

/**
 * The output's rows, virtualised: only the pages on screen are fetched, sorted by the engine in SQL. Mount it with a
 * `key` per block and port, so its sort and page cache start afresh for another output.
 */
export function DataTable({ engine, blockId, port, resultKey, columns, profileColumns, recomputing, onRowsShown, partial = false }: DataTableProps): JSX.Element {
  const [pickedSort, setSort] = useState<SortKey[]>([]);
  // Widths the user dragged: kept while this output stays on screen (a recompute keeps them), like the sort.
  const [columnSizing, setColumnSizing] = useState<ColumnSizingState>({});
  const columnNames = useMemo(() => columns.map((c) => c.name), [columns]);
  const sort = useMemo(() => keepKnownSortKeys(pickedSort, columnNames), [pickedSort, columnNames]);
  const pages = usePreviewPages(engine, { blockId, port, resultKey, columnNames, sort, enabled: !recomputing });
  const { cache } = pages;

  const scrollRef = useRef<HTMLDivElement>(null);
  const count = scrollRowCount(cache.totalRows);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  const { ensureRows } = pages;
  useEffect(() => ensureRows(first, last), [ensureRows, first, last]);
  const shown = cache.generation.startsWith(`${resultKey}\u0000`);
  useEffect(() => {
    if (!shown) return;
    onRowsShown?.(resultKey);
    // A run that recomputed this block waits for its rows to be drawn before it takes the engine again.
    engine.previewShown(blockId).catch(() => undefined);
  }, [shown, resultKey, onRowsShown, engine, blockId]);


  // Until the new result's first page arrives, the last result's rows stay on screen, unless its columns differ.
  const rowsFit = pages.cacheColumns.join('\u0000') === columnNames.join('\u0000');
  // The table model holds only the rows on screen; `rowsById` maps a virtual index to its row.
  const windowRows = useMemo(() => {
    const rows: PreviewRow[] = [];
    if (!rowsFit) return rows;
    for (let i = first; i <= last; i++) {
      const row = rowAt(cache, i);
      if (row) rows.push(row);
    }
    return rows;
  }, [cache, first, last, rowsFit]);
  const columnDefs = useMemo(() => previewColumns(columns), [columns]);
  const sorting = useMemo<SortingState>(() => sort.map((k) => ({ id: k.column, desc: k.descending })), [sort]);
  const table = useTable({
    features: previewFeatures,
    columns: columnDefs,
    data: windowRows,
    getRowId: (row) => String(row.index),
    state: { sorting, columnSizing },
    onColumnSizingChange: setColumnSizing,
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      setSort(next.map((s) => ({ column: s.id, descending: s.desc })));
    },
    manualSorting: true,
  });
  const { rowsById } = table.getRowModel();
  const histograms = useMemo(() => new Map(profileColumns?.map((c) => [c.name, c.histogram])), [profileColumns]);
  const types = useMemo(() => new Map(columns.map((c) => [c.name, c.type])), [columns]);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const totalWidth = INDEX_WIDTH + headers.reduce((w, h) => w + h.getSize(), 0);

  return (
    <div className={`preview-data${recomputing ? ' preview-data--dimmed' : ''}`}>
      <div className="preview-data__bar">
        <span data-testid="preview-row-count">
          {cache.totalRows === undefined ? 'Loading rows…' : partial ? `First ${formatRows(cache.totalRows)} — reading the whole file…` : formatRows(cache.totalRows)}
        </span>
        {cache.totalRows !== undefined && cache.totalRows > MAX_SCROLL_ROWS && (
          <span className="preview-muted">Scrolling reaches the first {formatCount(MAX_SCROLL_ROWS)}; sort to see others.</span>
        )}
        {pages.error && (
          <span className="preview-error-inline" role="alert">
            {pages.error.code}: {pages.error.message}
          </span>
        )}
      </div>
      <div className="preview-data__scroll" ref={scrollRef} tabIndex={0} aria-label={`Rows of ${blockId} · ${port}`}>
        <table className="preview-table" data-testid="preview-table" style={{ width: totalWidth }} aria-rowcount={count + 1}>
          <thead className="preview-thead">
            <tr className="preview-tr" aria-rowindex={1}>
              <th className="preview-th preview-th--index" style={{ width: INDEX_WIDTH }} scope="col">
                #
              </th>
              {headers.map((header) => (
                <ColumnHeader
                  key={header.id}
                  name={header.column.id}
                  type={types.get(header.column.id) ?? ''}
                  width={header.getSize()}
                  sorted={ariaSort(sort, header.column.id)}
                  bins={histograms.get(header.column.id)}
                  onSort={(column) => {
                    // A new order starts at its first row.
                    scrollRef.current?.scrollTo({ top: 0 });
                    setSort(nextSort(sort, column));
                  }}
                  resizer={
                    <ColumnResizer
                      column={header.column.id}
                      width={header.getSize()}
                      minWidth={MIN_COLUMN_WIDTH}
                      onDragStart={header.getResizeHandler()}
                      onResize={(width) => setColumnSizing((sizes) => ({ ...sizes, [header.column.id]: width }))}
                      onReset={() => header.column.resetSize()}
                      resizing={header.column.getIsResizing()}
                    />
                  }
                />
              ))}
            </tr>
          </thead>
          <tbody className="preview-tbody" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rowsById[String(item.index)];
              return (
                <tr
                  key={item.key}
                  className={`preview-tr${row ? '' : ' preview-tr--loading'}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  aria-rowindex={item.index + 2}
                >
                  <td className="preview-td preview-td--index" style={{ width: INDEX_WIDTH }}>
                    {formatCount(item.index + 1)}
                  </td>
                  {row
                    ? row.getAllCells().map((cell) => (
                        <td key={cell.id} className="preview-td" style={{ width: cell.column.getSize() }}>
                          <table.FlexRender cell={cell} />
                        </td>
                      ))
                    : headers.map((header) => <td key={header.id} className="preview-td" style={{ width: header.getSize() }} />)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
