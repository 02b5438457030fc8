import { describe, expect, it } from 'vitest';
import {
  MAX_SCROLL_ROWS,
  emptyPageCache,
  evictFarPages,
  missingPageOffsets,
  pageOffsetOf,
  pageOffsetsForRange,
  rowAt,
  scrollRowCount,
  storePage,
} from './page-cache';

const rows = (offset: number, n: number) => Array.from({ length: n }, (_, i) => `r${offset + i}`);

describe('page offsets', () => {
  it.each([
    [0, 0],
    [199, 0],
    [200, 200],
    [80_071, 80_000],
    [-5, 0],
  ])('row %i lies in the page at %i', (row, offset) => {
    expect(pageOffsetOf(row, 200)).toBe(offset);
  });

  it('asks only for the first page while the row count is unknown', () => {
    expect(pageOffsetsForRange(500, 540, undefined, 200)).toEqual([0]);
  });

  it('covers a range that straddles pages, clipped to the table', () => {
    expect(pageOffsetsForRange(190, 410, 10_000, 200)).toEqual([0, 200, 400]);
    expect(pageOffsetsForRange(79_990, 80_100, 80_072, 200)).toEqual([79_800, 80_000]);
    expect(pageOffsetsForRange(0, 30, 0, 200)).toEqual([]);
  });

  it('caps the scroll height so browsers can draw it', () => {
    expect(scrollRowCount(undefined)).toBe(0);
    expect(scrollRowCount(80_072)).toBe(80_072);
    expect(scrollRowCount(10_000_000)).toBe(MAX_SCROLL_ROWS);
  });
});

describe('page cache', () => {
  it('finds rows by absolute index and lists what is missing', () => {
    let cache = emptyPageCache<string>('g1');
    cache = storePage(cache, { generation: 'g1', offset: 200, rows: rows(200, 200), totalRows: 1000 }, 200, 10);
    expect(rowAt(cache, 250, 200)).toBe('r250');
    expect(rowAt(cache, 50, 200)).toBeUndefined();
    expect(missingPageOffsets(cache, [0, 200, 400], new Set([400]))).toEqual([0]);
    expect(cache.totalRows).toBe(1000);
  });

  it('replaces every page when a page of a newer generation arrives', () => {
    let cache = storePage(emptyPageCache<string>('old'), { generation: 'old', offset: 0, rows: ['a'], totalRows: 1 }, 0);
    cache = storePage(cache, { generation: 'old', offset: 200, rows: ['b'], totalRows: 1 }, 0);
    expect(cache.pages.size).toBe(2);
    cache = storePage(cache, { generation: 'new', offset: 200, rows: ['c'], totalRows: 5 }, 0);
    expect(cache.generation).toBe('new');
    expect([...cache.pages.keys()]).toEqual([200]);
    expect(cache.totalRows).toBe(5);
  });

  it('evicts the pages farthest from the row in view', () => {
    const pages = new Map([0, 200, 400, 600, 800].map((o) => [o, rows(o, 1)] as const));
    expect([...evictFarPages(pages, 600, 3).keys()].sort((a, b) => a - b)).toEqual([400, 600, 800]);
    expect(evictFarPages(pages, 0, 10)).toBe(pages);
  });
});
