/** Number formatting for the preview, in one place so counts and statistics read the same everywhere. */

const counts = new Intl.NumberFormat('en-US');
// Built once: constructing an Intl.NumberFormat costs far more than formatting with one, and a preview header
// formats two edges for every histogram bin of every column.
const statsBelow1000 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 5 });
const statsFrom1000 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 8 });

/** 80072 → "80,072". */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** "1 row" / "80,072 rows". */
export function formatRows(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;
}

/** A share as a percentage with one decimal, but never rounded to a misleading 0% or 100%. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const pct = (part / whole) * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  if (pct < 100 && pct > 99.9) return '>99.9%';
  return `${pct.toFixed(pct === Math.round(pct) ? 0 : 1)}%`;
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
