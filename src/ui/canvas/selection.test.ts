import { describe, expect, it } from 'vitest';
import { isTypingTarget } from './typing-target';
import { nextSelection } from './selection';

describe('nextSelection', () => {
  it('replaces the selection on a plain click', () => {
    expect(nextSelection(['a', 'b'], [{ id: 'a', selected: false }, { id: 'b', selected: false }, { id: 'c', selected: true }])).toEqual(['c']);
  });

  it('appends a modifier-clicked block, keeping selection order', () => {
    expect(nextSelection(['b', 'a'], [{ id: 'c', selected: true }])).toEqual(['b', 'a', 'c']);
  });

  it('drops a block toggled off', () => {
    expect(nextSelection(['b', 'a', 'c'], [{ id: 'a', selected: false }])).toEqual(['b', 'c']);
  });

  it('does not repeat a block selected twice', () => {
    expect(nextSelection(['a'], [{ id: 'a', selected: true }])).toEqual(['a']);
  });
});

describe('isTypingTarget', () => {
  it.each([
    [{ tagName: 'INPUT' }, true],
    [{ tagName: 'textarea' }, true],
    [{ tagName: 'SELECT' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'DIV', isContentEditable: false }, false],
    [{ tagName: 'BUTTON' }, false],
    [null, false],
  ])('%j → %s', (target, expected) => {
    expect(isTypingTarget(target as unknown as EventTarget | null)).toBe(expected);
  });
});
