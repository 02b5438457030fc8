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
      // Refused before this is reached (see aggregateSpark).
      return `F.mode(${c})`;
    case 'stddev':
      return `F.stddev_samp(${c})`;
    case 'variance':
      return `F.var_samp(${c})`;
  }
}

/** Aggregate: group, then every aggregation, over the rows where the translated filter holds. */
export const aggregateSpark: SparkEmitter<AggregateParams> = async ({ params: p, expression, unsupported }) => {
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
  for (const [i, a] of p.aggregations.entries()) {
    if (a.fn === 'mode') throw unsupported('the aggregation mode', `aggregations[${i}]`, 'Spark’s mode picks among ties by row order');
  }
  const aggs = p.aggregations.map((a) => `${aggregation(a)}.alias(${pyString(aggregationName(a))})`);
  const groups = p.groupBy.map((g) => `col(${pyString(g)})`).join(', ');
  body.push('aggregations = [', ...aggs.map((a) => `    ${a},`), ']');
  body.push(p.groupBy.length > 0 ? `return df.groupBy(${groups}).agg(*aggregations)` : 'return df.agg(*aggregations)');
  return { body };
};
