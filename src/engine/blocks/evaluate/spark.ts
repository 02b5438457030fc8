import { assertNever } from '../../assert-never';
import { fail } from '../../errors/catalog';
import { pyString, pyStrings, pyValue, type SparkEmitter } from '../../spark/contract';
import type { EvaluateParams } from './params';
import { discountTexts } from './ranking';

const FINITE = String.raw`
def finite(c):
    """A number that is there and finite (DuckDB's isfinite, which is NULL for NULL)."""
    return c.isNotNull() & ~F.isnan(c) & (F.abs(c) != float("inf"))
`;

/** Rating mode, as compileRatingMetrics: errors grouped by (observed, rounded prediction), summed as DECIMAL. */
function ratingLines(p: EvaluateParams, input: string): string[] {
  if (!(p.min < p.max)) fail('E_PARAMS_INVALID', { path: 'max', detail: `the scale's maximum ${p.max} must be above its minimum ${p.min}` });
  const lastStep = Math.floor((p.max - p.min) / p.step + 1e-9);
  const [min, step] = [pyValue(p.min), pyValue(p.step)];
  const observed = p.ratingColumn
    ? pyString(p.ratingColumn)
    : `next((c for c in ${input}.columns if name_key(c) == "rating"), "rating")`;
  return [
    `observed = ${observed}`,
    `rows = ${input}.select(col(observed).alias("observed"), col(${pyString(p.predictionColumn)}).cast("double").alias("pred"))`,
    'rows = rows.where(finite(F.col("observed").cast("double")) & finite(F.col("pred")))',
    '# The prediction rounded to the nearest step of the scale (halves away from zero), held to the scale.',
    `step_index = F.least(F.lit(${lastStep}), F.greatest(F.lit(0), F.round((F.col("pred") - ${min}) / ${step})))`,
    `rows = rows.select("observed", F.round(${min} + step_index * ${step}, 9).alias("predicted"), (F.col("pred") - F.col("observed").cast("double")).alias("error"))`,
    '# Summed as DECIMAL: exact, so the metrics do not depend on the order rows arrive in.',
    'grouped = rows.groupBy("observed", "predicted").agg(',
    '    F.count(F.lit(1)).alias("n"),',
    '    F.sum((F.col("error") * F.col("error")).cast("decimal(38,12)")).alias("squared_error"),',
    '    F.sum(F.abs(F.col("error")).cast("decimal(38,12)")).alias("absolute_error"),',
    ').persist()',
    `distance = F.round(F.abs(F.col("observed").cast("double") - F.col("predicted")) / ${step})`,
    'total = F.sum("n")',
    'share = lambda near: F.coalesce(F.sum(F.when(near, F.col("n"))), F.lit(0)) / total',
    'metrics = grouped.withColumn("distance", distance).agg(',
    '    F.sqrt(F.sum("squared_error").cast("double") / total).alias("rmse"),',
    '    (F.sum("absolute_error").cast("double") / total).alias("mae"),',
    '    F.coalesce(total, F.lit(0)).cast("long").alias("count"),',
    '    share(F.col("distance") == 0).alias("exact"),',
    '    share(F.col("distance") == 1).alias("off_by_1"),',
    '    share(F.col("distance") == 2).alias("off_by_2"),',
    '    share(F.col("distance") >= 3).alias("further"),',
    ')',
    'crosstab = grouped.select("observed", "predicted", F.col("n").alias("count")).orderBy("observed", "predicted")',
    'return {"metrics": metrics, "crosstab": crosstab}',
  ];
}

/** Ranking mode, as compileRankingMetrics: per holdout user hits and DCG, then the means over those users. */
function rankingLines(p: EvaluateParams, inputs: Readonly<Record<string, string>>): string[] {
  const recs = inputs.recommendations!;
  const holdout = inputs.holdout!;
  const { discounts, ideal } = discountTexts(p.k);
  const orFirst = (name: string, expr: string) => (name ? pyString(name) : expr);
  const catalogItems = p.useCatalog
    ? `${inputs.catalog}.select(F.countDistinct(col(${orFirst(p.catalogColumn, `${inputs.catalog}.columns[0]`)})).alias("items"))`
    : `${recs}.select(col(item).alias("item_id")).union(held_out.select("item_id")).where(F.col("item_id").isNotNull()).distinct().agg(F.count(F.lit(1)).alias("items"))`;
  return [
    `user, item = ${orFirst(p.userColumn, `${recs}.columns[0]`)}, ${orFirst(p.itemColumn, `${recs}.columns[1]`)}`,
    `held_user, held_item = ${orFirst(p.holdoutUserColumn, 'user')}, ${orFirst(p.holdoutItemColumn, 'item')}`,
    `k = ${p.k}`,
    '# 1/log2(rank + 1) for ranks 1…k and the ideal DCG of 1…k relevant items, as exact decimals: the numbers wrangle run uses.',
    `discounts = F.array(*[F.lit(d).cast("decimal(38,18)") for d in ${pyStrings(discounts)}])`,
    `ideal = F.array(*[F.lit(d).cast("decimal(38,18)") for d in ${pyStrings(ideal)}])`,
    `recommended = ${recs}.select(col(user).alias("user_id"), col(item).alias("item_id"), col(${pyString(p.rankColumn)}).cast("long").alias("position"))`,
    'recommended = recommended.where(F.col("position").between(1, k) & F.col("user_id").isNotNull() & F.col("item_id").isNotNull())',
    'recommended = recommended.groupBy("user_id", "item_id").agg(F.min("position").alias("position"))',
    `held_out = ${holdout}.select(col(held_user).alias("user_id"), col(held_item).alias("item_id"))`,
    'held_out = held_out.where(F.col("user_id").isNotNull() & F.col("item_id").isNotNull()).distinct()',
    'per_user = held_out.join(recommended, ["user_id", "item_id"], "left").groupBy("user_id").agg(',
    '    F.count(F.lit(1)).alias("relevant"),',
    '    F.count("position").alias("hits"),',
    '    F.coalesce(F.sum(F.element_at(discounts, F.col("position").cast("int"))), F.lit(0)).alias("dcg"),',
    ')',
    "# NULL for a zero divisor, as DuckDB's NULLIF(x, 0) (Spark 3.5's F.nullif fails on a column not yet resolved).",
    'nonzero = lambda divisor: F.when(divisor != 0, divisor)',
    'users = F.count(F.lit(1))',
    '# Means over users summed as DECIMAL, the same to the last bit whatever order the users are added in.',
    'exact_mean = lambda per_user_value: F.sum(per_user_value.cast("decimal(38,18)")).cast("double") / nonzero(users)',
    'ideal_dcg = F.element_at(ideal, F.least(F.lit(k), F.col("relevant")).cast("int")).cast("double")',
    'metrics = per_user.agg(',
    '    (F.sum("hits").cast("double") / nonzero(k * users)).alias("precision_at_k"),',
    '    exact_mean(F.col("hits") / F.col("relevant")).alias("recall_at_k"),',
    '    exact_mean(F.col("dcg").cast("double") / ideal_dcg).alias("ndcg_at_k"),',
    '    (F.count(F.when(F.col("hits") > 0, 1)) / nonzero(users)).alias("hit_rate_at_k"),',
    '    users.alias("users"),',
    ')',
    `catalog_items = ${catalogItems}`,
    'covered = recommended.agg(F.countDistinct("item_id").alias("covered"))',
    'coverage = covered.crossJoin(catalog_items).select((F.col("covered") / nonzero(F.col("items"))).alias("coverage"))',
    'return metrics.crossJoin(coverage)',
  ];
}

/** Evaluate: rating error or top-k ranking metrics, in DataFrame operations that mirror the DuckDB compiler's SQL. */
export const evaluateSpark: SparkEmitter<EvaluateParams> = ({ params: p, inputs }) => {
  switch (p.mode) {
    case 'rating':
      return { body: ratingLines(p, inputs.in!), outputs: ['metrics', 'crosstab'], helpers: [FINITE] };
    case 'ranking':
      return { body: rankingLines(p, inputs) };
    default:
      return assertNever(p.mode);
  }
};
