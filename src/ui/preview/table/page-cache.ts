/**
 * The preview's page cache: which pages of a block output to fetch for the rows on screen, and which to keep. Pages
 * are fetched from the engine (sorted and sliced in SQL), so JS never holds more rows than a few screens' worth.
 */

/** Rows per `engine.preview` call. */
export const PAGE_SIZE = 200;

/** Pages kept in memory; the ones farthest from the viewport go first. */
export const MAX_CACHED_PAGES = 40;

/**
 * Browsers cap an element's height (Firefox near 17.9M px, Chrome near 33.5M px). At 28 px a row, 500,000 rows stay
 * under both; rows beyond are reached by sorting, not by scrolling.
 */
export const MAX_SCROLL_ROWS = 500_000;

/** One generation of pages: a result (block, port, run) seen in one sort order. */
export interface PageCache<Row> {
  generation: string;
  totalRows: number | undefined;
  /** Pages by their first row's offset. */
  pages: ReadonlyMap<number, readonly Row[]>;
}

export function emptyPageCache<Row>(generation: string): PageCache<Row> {
  return { generation, totalRows: undefined, pages: new Map() };
}

/** The offset of the page that holds a row. */
export function pageOffsetOf(rowIndex: number, pageSize = PAGE_SIZE): number {
  return Math.floor(Math.max(0, rowIndex) / pageSize) * pageSize;
}

/**
 * The offsets of the pages that cover rows `first..last` (inclusive), clipped to the table. Before the row count is
 * known, only the first page is asked for: its answer carries the count.
 */
export function pageOffsetsForRange(first: number, last: number, totalRows: number | undefined, pageSize = PAGE_SIZE): number[] {
  if (totalRows === undefined) return [0];
  if (totalRows <= 0 || last < first) return [];
  const lastRow = Math.min(last, totalRows - 1);
  const offsets: number[] = [];
  for (let offset = pageOffsetOf(first, pageSize); offset <= lastRow; offset += pageSize) offsets.push(offset);
  return offsets;
}

/** Offsets in `wanted` that are neither cached nor already being fetched. */
export function missingPageOffsets<Row>(cache: PageCache<Row>, wanted: number[], inFlight: ReadonlySet<number>): number[] {
  return wanted.filter((offset) => !cache.pages.has(offset) && !inFlight.has(offset));
}

/** The row at an absolute index, if its page is cached. */
export function rowAt<Row>(cache: PageCache<Row>, rowIndex: number, pageSize = PAGE_SIZE): Row | undefined {
  const offset = pageOffsetOf(rowIndex, pageSize);
  return cache.pages.get(offset)?.[rowIndex - offset];
}

/** Keeps the `max` pages nearest to the row the user is looking at. */
export function evictFarPages<Row>(
  pages: ReadonlyMap<number, readonly Row[]>,
  focusRow: number,
  max = MAX_CACHED_PAGES,
): ReadonlyMap<number, readonly Row[]> {
  if (pages.size <= max) return pages;
  const nearest = [...pages.keys()].sort((a, b) => Math.abs(a - focusRow) - Math.abs(b - focusRow) || a - b).slice(0, max);
  return new Map(nearest.map((offset) => [offset, pages.get(offset)!]));
}

/**
 * Stores a fetched page. A page of a newer generation replaces the whole cache (the old rows stay on screen until
 * then, so a re-run or a re-sort does not flash an empty table).
 */
export function storePage<Row>(
  cache: PageCache<Row>,
  page: { generation: string; offset: number; rows: readonly Row[]; totalRows: number },
  focusRow: number,
  max = MAX_CACHED_PAGES,
): PageCache<Row> {
  const base = cache.generation === page.generation ? cache.pages : new Map<number, readonly Row[]>();
  const pages = new Map(base);
  pages.set(page.offset, page.rows);
  return { generation: page.generation, totalRows: page.totalRows, pages: evictFarPages(pages, focusRow, max) };
}

/** How many rows the scroll area holds. */
export function scrollRowCount(totalRows: number | undefined): number {
  return Math.min(totalRows ?? 0, MAX_SCROLL_ROWS);
}
