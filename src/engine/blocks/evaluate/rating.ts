import { fail } from '../../errors/catalog';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { columnKey, isNumericType, requireColumn } from '../columns';
import type { Column, Compiled, Relation } from '../contract';
import type { EvaluateParams } from './params';

/** Squared and absolute errors are summed as DECIMAL: exact, so the metrics keep every bit whatever the thread count. */
const exact = (term: string) => `sum(CAST(${term} AS DECIMAL(38,12)))`;

function ratingColumn(input: Relation, name: string): Column {
  if (name !== '') return requireColumn(input, name);
  return input.columns.find((c) => columnKey(c.name) === 'rating') ?? requireColumn(input, 'rating');
}

function numeric(col: Column, path: string): string {
  if (!isNumericType(col.type)) fail('E_PARAMS_INVALID', { path, detail: `"${col.name}" is ${col.type}; it must hold numbers` });
  return quoteIdent(col.name);
}

/**
 * Rating mode. The main result groups rows by (observed, rounded prediction) with their error sums; `metrics` and
 * `crosstab` both read it, so the input is scanned once. RMSE and MAE use the raw prediction, as Spark's evaluator
 * does; the distances and the crosstab use the prediction rounded to the nearest step (halves away from zero) and
 * held to [min, max]. Rows without a rating or with a missing or NaN prediction (a cold start) are left out, and
 * `count` says how many rows were scored.
 */
export function compileRatingMetrics(p: EvaluateParams, input: Relation): Compiled {
  if (!(p.min < p.max)) fail('E_PARAMS_INVALID', { path: 'max', detail: `the scale's maximum ${p.max} must be above its minimum ${p.min}` });
  const observed = numeric(ratingColumn(input, p.ratingColumn), 'ratingColumn');
  const predicted = numeric(requireColumn(input, p.predictionColumn), 'predictionColumn');
  const [min, step] = [quoteLiteral(p.min), quoteLiteral(p.step)];
  // Worked out here, once: the last step that is still on the scale (a small allowance for 0.1-style steps).
  const lastStep = Math.floor((p.max - p.min) / p.step + 1e-9);
  const stepIndex = `least(${lastStep}, greatest(0, round((pred - ${min}) / ${step})))`;
  // round(…, 9) writes 1 + 3 × 0.1 as 1.3, not 1.3000000000000003.
  const scored =
    `SELECT obs AS observed, round(${min} + ${stepIndex} * ${step}, 9) AS predicted, pred - CAST(obs AS DOUBLE) AS error ` +
    `FROM (SELECT ${observed} AS obs, CAST(${predicted} AS DOUBLE) AS pred FROM ${input.ref}) ` +
    `WHERE isfinite(CAST(obs AS DOUBLE)) AND isfinite(pred)`;
  const select =
    `SELECT observed, predicted, count(*) AS n, ${exact('error * error')} AS squared_error, ${exact('abs(error)')} AS absolute_error ` +
    `FROM (${scored}) GROUP BY observed, predicted`;
  const share = (condition: string) => `coalesce(sum(n) FILTER (WHERE ${condition}), 0) / sum(n)`;
  return {
    select,
    outputs: (main) => ({
      metrics:
        `SELECT sqrt(CAST(sum(squared_error) AS DOUBLE) / sum(n)) AS rmse, CAST(sum(absolute_error) AS DOUBLE) / sum(n) AS mae, ` +
        `CAST(coalesce(sum(n), 0) AS BIGINT) AS ${quoteIdent('count')}, ${share('distance = 0')} AS exact, ${share('distance = 1')} AS off_by_1, ` +
        `${share('distance = 2')} AS off_by_2, ${share('distance >= 3')} AS further ` +
        `FROM (SELECT n, squared_error, absolute_error, round(abs(CAST(observed AS DOUBLE) - predicted) / ${step}) AS distance FROM ${main})`,
      crosstab: `SELECT observed, predicted, n AS ${quoteIdent('count')} FROM ${main} ORDER BY observed, predicted`,
    }),
  };
}
