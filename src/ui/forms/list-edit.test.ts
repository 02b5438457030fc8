import { describe, expect, it } from 'vitest';
import { fieldBinder, linesToNames, moveUp, namesToLines, removeAt, replaceAt, toggleName, withKey } from './list-edit';

describe('list edits', () => {
  const list = ['a', 'b', 'c'] as const;

  it('replaces, removes and moves without touching the original', () => {
    expect(replaceAt(list, 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeAt(list, 0)).toEqual(['b', 'c']);
    expect(moveUp(list, 2)).toEqual(['a', 'c', 'b']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('leaves the order alone when there is nowhere to move', () => {
    expect(moveUp(list, 0)).toEqual(['a', 'b', 'c']);
    expect(moveUp(list, 7)).toEqual(['a', 'b', 'c']);
    expect(removeAt(list, 9)).toEqual(['a', 'b', 'c']);
  });

  it('toggles names in picking order', () => {
    expect(toggleName(['b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggleName(['b', 'a'], 'b', false)).toEqual(['a']);
    expect(toggleName(['a'], 'a', true)).toEqual(['a']);
  });
});

describe('names as lines', () => {
  it('drops blank lines and keeps names with spaces and commas', () => {
    expect(linesToNames('a\n\n b,c \r\n\n')).toEqual(['a', ' b,c ']);
    expect(linesToNames('')).toEqual([]);
    expect(namesToLines(['a', 'b'])).toBe('a\nb');
  });
});

describe('withKey', () => {
  it('sets a key, or removes it for undefined', () => {
    const params: { column: string; prefix?: string } = { column: 'genres', prefix: 'g_' };
    expect(withKey(params, 'column', 'tags')).toEqual({ column: 'tags', prefix: 'g_' });
    const cleared = withKey(params, 'prefix', undefined);
    expect(cleared).toEqual({ column: 'genres' });
    expect(Object.hasOwn(cleared, 'prefix')).toBe(false);
    expect(params.prefix).toBe('g_');
  });
});

describe('fieldBinder', () => {
  it('gives a field its path, value and a change handler over the whole object', () => {
    const seen: object[] = [];
    const item = { left: 'a', right: 'b' };
    const field = fieldBinder(item, (next) => seen.push(next), 'keys.2');
    const bound = field('right');
    expect(bound.path).toBe('keys.2.right');
    expect(bound.value).toBe('b');
    bound.onChange('c');
    expect(seen).toEqual([{ left: 'a', right: 'c' }]);
    expect(fieldBinder(item, () => undefined)('left').path).toBe('left');
  });
});
