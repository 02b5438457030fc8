import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatRows, formatStat } from './number-format';

describe('number formatting', () => {
  it('writes counts with separators', () => {
    expect(formatCount(80_072)).toBe('80,072');
    expect(formatRows(80_072)).toBe('80,072 rows');
    expect(formatRows(1)).toBe('1 row');
  });

  it('never rounds a share to a misleading 0% or 100%', () => {
    expect(formatPercent(1, 100_000)).toBe('<0.1%');
    expect(formatPercent(99_999, 100_000)).toBe('>99.9%');
    expect(formatPercent(1, 4)).toBe('25%');
    expect(formatPercent(1, 3)).toBe('33.3%');
    expect(formatPercent(0, 0)).toBe('0%');
  });

  it('keeps statistics short', () => {
    expect(formatStat(undefined)).toBe('—');
    expect(formatStat(3.14159265)).toBe('3.1416');
    expect(formatStat(1234.5678)).toBe('1,234.5678');
    expect(formatStat(0.00001234)).toBe('1.234e-5');
    expect(formatStat('2024-01-01')).toBe('2024-01-01');
  });
});
