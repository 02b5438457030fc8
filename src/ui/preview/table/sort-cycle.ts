import type { SortKey } from '../../../worker/engine-api';

/**
 * Header clicks cycle one column through ascending → descending → unsorted; a click on another column starts it at
 * ascending. The engine sorts in SQL; JS never reorders rows.
 */
export function nextSort(current: readonly SortKey[], column: string): SortKey[] {
  const active = current.find((key) => key.column === column);
  if (!active) return [{ column, descending: false }];
  if (!active.descending) return [{ column, descending: true }];
  return [];
}

/** The column's `aria-sort` value. */
export function ariaSort(current: readonly SortKey[], column: string): 'ascending' | 'descending' | 'none' {
  const active = current.find((key) => key.column === column);
  if (!active) return 'none';
  return active.descending ? 'descending' : 'ascending';
}

/** A stable text form of a sort, to key cached pages by. */
export function sortSignature(sort: readonly SortKey[]): string {
  return JSON.stringify(sort.map((key) => [key.column, key.descending]));
}

/** Drops sort keys on columns the result no longer has (a re-run can rename or drop them). */
export function keepKnownSortKeys(sort: readonly SortKey[], columns: readonly string[]): SortKey[] {
  const known = new Set(columns);
  return sort.filter((key) => known.has(key.column));
}
