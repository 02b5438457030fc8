import { fail } from '../../errors/catalog';
import { FACTOR_HELPERS } from '../../model/spark-factors';
import { pyString, pyValue, type SparkEmitter } from '../../spark/contract';
import type { PredictParams } from './definition';

/**
 * Predict: each row's (user, item) joined to the factor tables and scored Σ u·i + biases, as the DuckDB compiler
 * does; cold rows are dropped (coldStartStrategy=drop) or kept with NaN.
 */
export const predictSpark: SparkEmitter<PredictParams> = ({ params: p, inputs }) => {
  if (p.clamp && !(p.clamp.min <= p.clamp.max)) {
    fail('E_PARAMS_INVALID', { path: 'clamp', detail: `the minimum ${p.clamp.min} is above the maximum ${p.clamp.max}` });
  }
  const nan = p.coldStart === 'nan';
  const score = 'factor_dot("__wrangle_u", "__wrangle_i", rank) + F.col("__wrangle_u_bias") + F.col("__wrangle_i_bias")';
  const body = [
    `user = ${p.userColumn ? pyString(p.userColumn) : `${inputs.users}.columns[0]`}`,
    `item = ${p.itemColumn ? pyString(p.itemColumn) : `${inputs.items}.columns[0]`}`,
    `user_side, rank = factor_side(${inputs.users}, "__wrangle_u")`,
    `item_side, item_rank = factor_side(${inputs.items}, "__wrangle_i")`,
    'if item_rank != rank:',
    '    raise ValueError(f"The users factor table has {rank} factor columns and the items table {item_rank}: they must come from one model.")',
    `how = ${pyString(nan ? 'left' : 'inner')}`,
    `scored = ${inputs.data}.join(user_side, col(user) == F.col("__wrangle_u_id"), how).join(item_side, col(item) == F.col("__wrangle_i_id"), how)`,
    `prediction = ${score}`,
  ];
  if (p.clamp) body.push(`prediction = F.greatest(F.lit(${pyValue(p.clamp.min)}), F.least(F.lit(${pyValue(p.clamp.max)}), prediction))`);
  if (nan) {
    body.push(
      '# Cold rows never reach the clamp, which would turn a missing score into a bound.',
      'cold = F.col("__wrangle_u_id").isNull() | F.col("__wrangle_i_id").isNull()',
      'prediction = F.when(cold, F.lit(float("nan"))).otherwise(prediction)',
    );
  }
  body.push(`return scored.select(*[col(c) for c in ${inputs.data}.columns], prediction.cast("double").alias(${pyString(p.outputColumn)}))`);
  return { body, helpers: FACTOR_HELPERS };
};
