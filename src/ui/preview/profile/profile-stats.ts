import type { ColumnProfile } from '../../../worker/engine-api';
import { formatCount, formatPercent, formatStat } from '../number-format';

/** A figure of a column's profile card: its label, the value as shown, and the hover title (the full value). */
export interface ProfileStat {
  label: string;
  text: string;
  title: string;
}

/** A statistic rounded for the card; its title holds every digit where the rounding dropped some. */
function stat(label: string, value: number | string | undefined): ProfileStat {
  const text = formatStat(value);
  const rounded = typeof value === 'number' && !Number.isInteger(value) && String(value) !== text;
  return { label, text, title: rounded ? String(value) : text };
}

/** The card's figures: counts, nulls, range and, for numbers, mean and spread. */
export function profileStats(column: ColumnProfile, rows: number): ProfileStat[] {
  const counted = (label: string, n: number): ProfileStat => ({ label, text: formatCount(n), title: formatCount(n) });
  const stats = [
    counted('Count', column.count),
    { label: 'Nulls', text: `${formatCount(column.nulls)} (${formatPercent(column.nulls, rows)})`, title: `${formatCount(column.nulls)} of ${formatCount(rows)} rows` },
    counted('Distinct', column.distinct),
    stat('Min', column.min),
    stat('Max', column.max),
  ];
  if (column.mean !== undefined) stats.push(stat('Mean', column.mean));
  if (column.std !== undefined) stats.push(stat('Std', column.std));
  return stats;
}
