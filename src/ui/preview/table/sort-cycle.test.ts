import { describe, expect, it } from 'vitest';
import { ariaSort, keepKnownSortKeys, nextSort, sortSignature } from './sort-cycle';

describe('sort cycling', () => {
  it('goes ascending → descending → unsorted on one column', () => {
    const asc = nextSort([], 'rating');
    expect(asc).toEqual([{ column: 'rating', descending: false }]);
    const desc = nextSort(asc, 'rating');
    expect(desc).toEqual([{ column: 'rating', descending: true }]);
    expect(nextSort(desc, 'rating')).toEqual([]);
  });

  it('starts another column at ascending, replacing the old sort', () => {
    expect(nextSort([{ column: 'rating', descending: true }], 'genre')).toEqual([{ column: 'genre', descending: false }]);
  });

  it('reports aria-sort and a stable signature', () => {
    const sort = [{ column: 'a"b', descending: true }];
    expect(ariaSort(sort, 'a"b')).toBe('descending');
    expect(ariaSort(sort, 'x')).toBe('none');
    expect(sortSignature(sort)).toBe(sortSignature([{ column: 'a"b', descending: true }]));
    expect(sortSignature(sort)).not.toBe(sortSignature([{ column: 'a"b', descending: false }]));
  });

  it('drops keys on columns a re-run removed', () => {
    expect(keepKnownSortKeys([{ column: 'gone', descending: false }], ['kept'])).toEqual([]);
  });
});
