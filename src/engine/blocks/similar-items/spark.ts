import { FACTOR_HELPERS } from '../../model/spark-factors';
import type { SparkEmitter } from '../../spark/contract';
import type { SimilarItemsParams } from './definition';

/** Similar items: every item against every other by its factors (cosine or dot), the k best of each, in DataFrame operations. */
export const similarItemsSpark: SparkEmitter<SimilarItemsParams> = ({ params: p, inputs }) => {
  const similarity =
    p.metric === 'cosine'
      ? [
          'norms = F.sqrt(factor_dot("a", "a", rank)) * F.sqrt(factor_dot("b", "b", rank))',
          '# Rounding can carry a cosine just past ±1; the zero vector has no direction, so its cosine is 0.',
          'similarity = F.when(norms == 0, F.lit(0.0)).otherwise(F.greatest(F.lit(-1.0), F.least(F.lit(1.0), factor_dot("a", "b", rank) / norms)))',
        ]
      : ['# The dot product of the factors alone: biases do not make two items alike.', 'similarity = factor_dot("a", "b", rank)'];
  const body = [
    `name = ${inputs.items}.columns[0]`,
    'if name in ("similarity", "rank") or "similar_" + name in ("similarity", "rank"):',
    '    raise ValueError(f\'The output has its own "similarity" and "rank" columns: rename the id column "{name}" first.\')',
    `a, rank = factor_side(${inputs.items}, "a")`,
    'b = a.select(*[F.col(c).alias("b" + c[1:]) for c in a.columns])',
    '# Every item against every other: a row is never its own neighbour.',
    'pairs = a.crossJoin(F.broadcast(b)).where(F.col("a_id") != F.col("b_id"))',
    ...similarity,
    `best = top_k(pairs.select("a_id", "b_id", similarity.alias("similarity")), "a_id", "b_id", "similarity", ${p.k})`,
    '# Kept: the pairs are the costly part, and more than one block may read the result.',
    'return best.orderBy("a_id", "rank").select(F.col("a_id").alias(name), F.col("b_id").alias("similar_" + name), "similarity", "rank").persist()',
  ];
  return { body, helpers: FACTOR_HELPERS };
};
