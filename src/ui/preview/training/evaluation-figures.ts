import { tableFromIPC } from 'apache-arrow';
import type { DistanceNames } from '../../blocks/form-types';
import { formatCount, formatMetric, formatPercent } from '../number-format';
import type { Metric } from './model-metrics';

/** The one row of a rating evaluation's `metrics` output. */
export interface RatingMetrics {
  rmse: number;
  mae: number;
  count: number;
  exact: number;
  offBy1: number;
  offBy2: number;
  further: number;
}

/** Reads the `metrics` page; undefined when it has no row or lacks a figure (another mode's metrics). */
export function readRatingMetrics(bytes: Uint8Array): RatingMetrics | undefined {
  const table = tableFromIPC(bytes);
  if (table.numRows === 0) return undefined;
  const read = (name: string) => {
    const value: unknown = table.getChild(name)?.get(0);
    return value === null || value === undefined ? undefined : Number(value);
  };
  const [rmse, mae, count, exact, offBy1, offBy2, further] = ['rmse', 'mae', 'count', 'exact', 'off_by_1', 'off_by_2', 'further'].map(read);
  if (count === undefined || exact === undefined || offBy1 === undefined || offBy2 === undefined || further === undefined) return undefined;
  // With no row scored, RMSE and MAE are NULL: NaN shows them as not a number rather than as 0.
  return { rmse: rmse ?? Number.NaN, mae: mae ?? Number.NaN, count, exact, offBy1, offBy2, further };
}

const share = (value: number): Metric => ({ label: '', value: formatPercent(value, 1), full: String(value) });
const figure = (label: string, value: number): Metric => {
  const { text, full } = formatMetric(value);
  return { label, value: text, ...(full !== undefined ? { full } : {}) };
};

/**
 * The figures of an evaluation, in reading order: the errors, how many rows, then the shares of predictions within
 * one and two steps of the scale (cumulative, so each share includes the exact ones), named in the scale's words.
 */
export function evaluationFigures(m: RatingMetrics, names: DistanceNames): Metric[] {
  return [
    figure('RMSE', m.rmse),
    figure('MAE', m.mae),
    { label: 'rows scored', value: formatCount(m.count) },
    { ...share(m.exact), label: names.exact },
    { ...share(m.exact + m.offBy1), label: names.withinOne },
    { ...share(m.exact + m.offBy1 + m.offBy2), label: names.withinTwo },
    { ...share(m.further), label: names.further },
  ];
}
