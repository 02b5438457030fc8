import { describe, expect, it } from 'vitest';
import { formatCount, formatFloatCell, formatMetric, formatPercent, formatRows, formatStat, roundForReading } from './number-format';

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

  it.each([
    [0.8734567891234567, 4, '0.8735'],
    [12345.678, 4, '12346'],
    [0.00123456, 4, '0.001235'],
    [-3.14159265, 3, '-3.14'],
    [9.99996, 4, '10'],
    [1.5, 4, '1.5'],
    [0.00001234567, 4, '1.235e-5'],
    [2.5e20, 4, '2.5e+20'],
  ])('rounds %d to %d significant digits: %s', (value, digits, text) => {
    expect(roundForReading(value, digits).text).toBe(text);
  });

  it('keeps the full value for the hover title only when rounding dropped digits', () => {
    expect(formatMetric(0.8734567891234567)).toEqual({ text: '0.8735', full: '0.8734567891234567' });
    expect(formatMetric(0.5)).toEqual({ text: '0.5' });
    expect(formatMetric(Number.NaN)).toEqual({ text: 'NaN' });
    expect(formatMetric(0)).toEqual({ text: '0' });
  });

  it('rounds float cells to six digits, keeping two decimals and every integer digit', () => {
    expect(formatFloatCell('3.5234234234234237')).toEqual({ text: '3.52342', full: '3.5234234234234237' });
    expect(formatFloatCell('1234567.891')).toEqual({ text: '1234567.89', full: '1234567.891' });
    expect(formatFloatCell('4.5')).toEqual({ text: '4.5' });
    expect(formatFloatCell('-0.000012345678')).toEqual({ text: '-1.23457e-5', full: '-0.000012345678' });
    expect(formatFloatCell('NaN')).toEqual({ text: 'NaN' });
    expect(formatFloatCell('inf')).toEqual({ text: 'inf' });
  });
});
