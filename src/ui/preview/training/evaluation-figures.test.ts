import { tableToIPC, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { distanceNames } from '../../blocks/evaluate/distance-names';
import { evaluationFigures, readRatingMetrics } from './evaluation-figures';

const metricsPage = (row: Record<string, number>) =>
  tableToIPC(tableFromArrays(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Float64Array.of(v)]))));

describe('the Evaluation tab figures', () => {
  const row = { rmse: 0.8734567891234567, mae: 0.6712345, count: 30113, exact: 0.2, off_by_1: 0.35, off_by_2: 0.25, further: 0.2 };

  it('reads the metrics row', () => {
    expect(readRatingMetrics(metricsPage(row))).toEqual({ rmse: row.rmse, mae: row.mae, count: 30113, exact: 0.2, offBy1: 0.35, offBy2: 0.25, further: 0.2 });
  });

  it('does not read a ranking evaluation as a rating one', () => {
    expect(readRatingMetrics(metricsPage({ precision_at_k: 0.5, users: 3 }))).toBeUndefined();
  });

  it('shows RMSE and MAE rounded with their full value, and cumulative shares named by a half-star step', () => {
    const figures = evaluationFigures(readRatingMetrics(metricsPage(row))!, distanceNames(0.5));
    expect(figures.map((f) => [f.label, f.value])).toEqual([
      ['RMSE', '0.8735'],
      ['MAE', '0.6712'],
      ['rows scored', '30,113'],
      ['exact', '20%'],
      ['within half a star', '55%'],
      ['within one star', '80%'],
      ['further than one star', '20%'],
    ]);
    expect(figures[0]!.full).toBe('0.8734567891234567');
  });

  it('names the shares by a step of 1', () => {
    const labels = evaluationFigures(readRatingMetrics(metricsPage(row))!, distanceNames(1)).map((f) => f.label);
    expect(labels.slice(3)).toEqual(['exact', 'within 1', 'within 2', 'further than 2']);
  });
});
