import { describe, expect, it } from 'vitest';
import { formatNumber, formatSum, parseNumberText } from './numbers';

describe('parseNumberText', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['42', { kind: 'number', value: 42 }],
    [' -0.25 ', { kind: 'number', value: -0.25 }],
    ['1e3', { kind: 'number', value: 1000 }],
    ['abc', { kind: 'invalid' }],
    ['1.2.3', { kind: 'invalid' }],
    ['Infinity', { kind: 'invalid' }],
  ])('%j', (text, expected) => {
    expect(parseNumberText(text)).toEqual(expected);
  });

  it('round-trips through formatNumber', () => {
    expect(formatNumber(undefined)).toBe('');
    expect(parseNumberText(formatNumber(0.1))).toEqual({ kind: 'number', value: 0.1 });
  });
});

describe('formatSum', () => {
  it('hides float noise', () => {
    expect(formatSum([0.7, 0.2, 0.1])).toBe('1');
    expect(formatSum([0.8, 0.1])).toBe('0.9');
    expect(formatSum([])).toBe('0');
  });
});
