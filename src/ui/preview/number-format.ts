/** Number formatting for the preview, in one place so counts and statistics read the same everywhere. */

import { formatCount } from '../../engine/count-words';

export { formatCount, formatRows } from '../../engine/count-words';

// Built once: constructing an Intl.NumberFormat costs far more than formatting with one, and a preview header
// formats two edges for every histogram bin of every column.
const statsBelow1000 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 5 });
const statsFrom1000 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 8 });

/** A share as a percentage with one decimal, but never rounded to a misleading 0% or 100%. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const pct = (part / whole) * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  if (pct < 100 && pct > 99.9) return '>99.9%';
  // Rounded to tenths first, so a sum of shares like 0.2 + 0.35 (54.99999…%) reads 55%, not 55.0%.
  return `${Math.round(pct * 10) / 10}%`;
}

/** A statistic (min, max, mean, std, bin edge): up to four significant decimals, compact for large magnitudes. */
export function formatStat(value: number | string | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return formatCount(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e9 || abs < 1e-4)) return value.toExponential(3);
  return (abs >= 1000 ? statsFrom1000 : statsBelow1000).format(value);
}

/** A number shown rounded, and its full value (for the hover title) when the rounding dropped digits. */
export interface RoundedNumber {
  text: string;
  full?: string;
}

/**
 * A float rounded for reading: `significant` digits, but never fewer than `minDecimals` decimals nor any of its
 * integer digits (1234567.891 reads 1234567.89, not 1.23457e6), trailing zeros dropped; the exponent form past 1e15
 * or below 1e-4, where decimals would be mostly zeros.
 */
export function roundForReading(value: number, significant: number, minDecimals = 0): RoundedNumber {
  const full = String(value);
  if (!Number.isFinite(value) || value === 0) return { text: full };
  const abs = Math.abs(value);
  let text: string;
  if (abs >= 1e15 || abs < 1e-4) text = value.toExponential(significant - 1).replace(/\.?0+e/, 'e');
  else {
    const magnitude = Math.floor(Math.log10(abs));
    const decimals = Math.min(100, Math.max(minDecimals, significant - 1 - magnitude));
    // Number() drops the trailing zeros toFixed writes; below 1e-4 is handled above, so it never turns exponential.
    text = String(Number(value.toFixed(decimals)));
  }
  return text === full ? { text } : { text, full };
}

/** A model's figure (RMSE, loss, a share): four significant digits. */
export function formatMetric(value: number): RoundedNumber {
  return roundForReading(value, 4);
}

/** A cell of a floating-point column: six significant digits, cents kept (two decimals at least). */
export function formatFloatCell(text: string): RoundedNumber {
  const value = Number(text);
  // Text that is not a plain number (NaN, inf, a value DuckDB wrote its own way) is shown as it came.
  if (text.trim() === '' || !Number.isFinite(value)) return { text };
  const rounded = roundForReading(value, 6, 2);
  return rounded.text === text ? { text } : { text: rounded.text, full: text };
}
