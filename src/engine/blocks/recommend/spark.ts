import { assertNever } from '../../assert-never';
import { FACTOR_HELPERS } from '../../model/spark-factors';
import { pyString, type SparkEmitter } from '../../spark/contract';
import type { RecommendParams } from './definition';

/**
 * The seen input's user and item columns: as set, else the factor tables' id names (Python expressions).
 * Popularity has no factor tables, so its columns must be set (the DuckDB compiler refuses it the same way).
 */
function seenColumns(p: RecommendParams, inputs: Readonly<Record<string, string>>, unsupported: (what: string, where: string, detail?: string) => Error): { user: string; item: string } {
  const pick = (set: string, port: string | undefined, setting: string) => {
    if (set) return pyString(set);
    if (!port) throw unsupported(`an empty ${setting}`, 'its settings', `choose the ${setting.replace('Column', '')} column of the seen input`);
    return `${port}.columns[0]`;
  };
  return { user: pick(p.userColumn, inputs.users, 'userColumn'), item: pick(p.itemColumn, inputs.items, 'itemColumn') };
}

/**
 * The top k of every user, as `recommendForAllUsers(k)` exploded into rows, but from the factor tables, biases
 * included, leaving out the pairs of the seen input (which recommendForAllUsers cannot); or the most popular unseen
 * items, as the DuckDB compiler ranks them.
 */
export const recommendSpark: SparkEmitter<RecommendParams> = ({ params: p, inputs, unsupported }) => {
  const seen = seenColumns(p, inputs, unsupported);
  const body = [`user, item = ${seen.user}, ${seen.item}`];
  if (p.excludeSeen || p.method === 'popularity') {
    body.push(`known = ${inputs.seen}.where(col(user).isNotNull() & col(item).isNotNull())`);
    body.push('seen_pairs = known.select(col(user).alias("q_id"), col(item).alias("i_id")).distinct()');
  }
  switch (p.method) {
    case 'factors':
      body.push(
        `query_side, rank = factor_side(${inputs.users}, "q")`,
        `item_side, item_rank = factor_side(${inputs.items}, "i")`,
        'if item_rank != rank:',
        '    raise ValueError(f"The users factor table has {rank} factor columns and the items table {item_rank}: they must come from one model.")',
        '# Every user against every item, scored as recommendForAllUsers scores them, plus the biases.',
        'pairs = query_side.crossJoin(F.broadcast(item_side))',
        ...(p.excludeSeen ? ['pairs = pairs.join(seen_pairs, ["q_id", "i_id"], "left_anti")'] : []),
        'pairs = pairs.select("q_id", "i_id", (factor_dot("q", "i", rank) + F.col("q_bias") + F.col("i_bias")).alias("score"))',
        `best = top_k(pairs, "q_id", "i_id", "score", ${p.k})`,
        '# Named after the factor tables\' id columns.',
        `user, item = ${inputs.users}.columns[0], ${inputs.items}.columns[0]`,
      );
      break;
    case 'popularity':
      body.push(
        'popularity = known.groupBy(col(item).alias("i_id")).agg(F.count(F.lit(1)).alias("interactions"))',
        'popularity = popularity.withColumn("popularity_rank", F.row_number().over(Window.orderBy(F.desc("interactions"), F.asc("i_id"))))',
        'seen_per_user = known.groupBy(col(user).alias("q_id")).agg(F.countDistinct(col(item)).alias("seen_items"))',
        '# A user who has seen n items can only be offered items among the k + n most popular: only those pairs are formed.',
        `reach = ${p.excludeSeen ? `F.col("seen_items") + ${p.k}` : `F.lit(${p.k})`}`,
        'pairs = seen_per_user.join(popularity, F.col("popularity_rank") <= reach)',
        ...(p.excludeSeen ? ['pairs = pairs.join(seen_pairs, ["q_id", "i_id"], "left_anti")'] : []),
        'by_popularity = Window.partitionBy("q_id").orderBy("popularity_rank")',
        'pairs = pairs.withColumn("rank", F.row_number().over(by_popularity).cast("int"))',
        `best = pairs.where(F.col("rank") <= ${p.k}).select("q_id", "i_id", F.col("interactions").cast("double").alias("score"), "rank")`,
      );
      break;
    default:
      return assertNever(p.method);
  }
  body.push(
    '# Kept: the pairs are the costly part, and an evaluation and an export often both read the result.',
    'return best.orderBy("q_id", "rank").select(F.col("q_id").alias(user), F.col("i_id").alias(item), "score", "rank").persist()',
  );
  return { body, helpers: FACTOR_HELPERS };
};
