import { pyString, type SparkEmitter } from '../../spark/contract';
import { aggregationName, type aggregateFunctions } from './definition';

type Aggregation = { column: string; fn: (typeof aggregateFunctions)[number]; as?: string | undefined };
type AggregateParams = { groupBy: string[]; aggregations: Aggregation[]; filter?: string | undefined };

/** One aggregation as a PySpark column expression (`c` is the column). */
function aggregation(a: Aggregation): string {
  const c = `col(${pyString(a.column)})`;
  switch (a.fn) {
    case 'count':
      return a.column === '*' ? 'F.count(F.lit(1))' : `F.count(${c})`;
    case 'count_distinct':
      return `F.countDistinct(${c})`;
    // Summed as DECIMAL(38,12), exact whatever order the rows arrive in, as the DuckDB compiler does.
    case 'sum':
      return `F.sum(exact(${c})).cast("double")`;
    case 'avg':
      return `F.avg(exact(${c})).cast("double")`;
    case 'min':
    case 'first':
      return `F.min(${c})`;
    case 'max':
      return `F.max(${c})`;
    case 'median':
      return `F.median(${c})`;
    case 'mode':
      // Spark's mode picks among ties by row order: modeLines ranks the counts instead.
      throw new Error('the mode aggregation is written by modeLines');
    case 'stddev':
      return `F.stddev_samp(${c})`;
    case 'variance':
      return `F.var_samp(${c})`;
  }
}

/** Aggregate: group, then every aggregation, over the rows where the translated filter holds. */
export const aggregateSpark: SparkEmitter<AggregateParams> = async ({ params: p, expression }) => {
  const body: string[] = [
    'def exact(c):',
    '    is_float = isinstance(df.select(c).schema.fields[0].dataType, (T.DoubleType, T.FloatType))',
    '    return c.cast("decimal(38,12)") if is_float else c',
    '',
  ];
  if (p.filter?.trim()) {
    const condition = await expression(p.filter, 'filter');
    body.push(`df = df.where(F.expr(${pyString(condition.spark)}))`);
  }
  const modes = p.aggregations.flatMap((a, i) => (a.fn === 'mode' ? [i] : []));
  const aggs = p.aggregations.flatMap((a, i) => (modes.includes(i) ? [] : [`${aggregation(a)}.alias(${pyString(aggregationName(a))})`]));
  const groups = p.groupBy.map((g) => `col(${pyString(g)})`).join(', ');
  body.push(`keys = [${groups}]`, 'aggregations = [', ...aggs.map((a) => `    ${a},`), ']');
  if (modes.length === 0) {
    body.push(p.groupBy.length > 0 ? 'return df.groupBy(*keys).agg(*aggregations)' : 'return df.agg(*aggregations)');
    return { body };
  }
  body.push(...modeLines(p, modes));
  return { body };
};

/**
 * The aggregation `mode` as DuckDB's compiler has it (`mode(x ORDER BY x)`): the most frequent non-NULL value of each
 * group, the smallest among ties, NULL where a group has none. Spark's own mode picks among ties by row order, so the
 * counts are ranked here and the winners joined to the other aggregations by the group keys (NULL keys match, as
 * GROUP BY puts NULLs in one group).
 */
function modeLines(p: AggregateParams, modes: number[]): string[] {
  const names = p.aggregations.map((a) => pyString(aggregationName(a)));
  const keyNames = p.groupBy.map(pyString);
  return [
    `key_names = [${keyNames.join(', ')}]`,
    '# Every group, with the aggregations that are not a mode (a column of its own when there are none).',
    aggregationStep(p.groupBy.length > 0),
    'for value_name, out_name in [',
    ...modes.map((i) => `    (${pyString(p.aggregations[i]!.column)}, ${names[i]}),`),
    ']:',
    '    value = col(value_name)',
    '    counted = df.where(value.isNotNull()).groupBy(*keys, value.alias("__value")).agg(F.count(F.lit(1)).alias("__n"))',
    '    by_count = Window.partitionBy(*[col(k) for k in key_names]).orderBy(F.col("__n").desc(), F.col("__value").asc())',
    '    best = counted.withColumn("__rank", F.row_number().over(by_count)).where(F.col("__rank") == 1)',
    '    best = best.select(*[col(k).alias(f"__key{j}") for j, k in enumerate(key_names)], F.col("__value").alias(out_name))',
    '    same_group = [col(k).eqNullSafe(F.col(f"__key{j}")) for j, k in enumerate(key_names)] or F.lit(True)',
    '    grouped = grouped.join(best, same_group, "left").drop(*[f"__key{j}" for j in range(len(key_names))])',
    `return grouped.select(*[col(k) for k in key_names], ${names.map((n) => `col(${n})`).join(', ')})`,
  ];
}

/**
 * The job's aggregation line. Spark's agg() needs at least one aggregation, and an Aggregate block with only `mode`
 * columns has none before the mode join: a row count stands in, and the block's final select leaves it out.
 */
function aggregationStep(grouped: boolean): string {
  const aggregationsOrRowCount = 'aggregations or [F.count(F.lit(1)).alias("__rows")]';
  return grouped ? `grouped = df.groupBy(*keys).agg(*(${aggregationsOrRowCount}))` : `grouped = df.agg(*(${aggregationsOrRowCount}))`;
}
