import { pyString, pyStrings, type SparkEmitter } from '../../spark/contract';
import { checkSplitParams, type SplitParams } from './definition';

/** `F.when(pos < t1, "a").when(pos < t2, "b").otherwise("c")` from cumulative fractions, as the DuckDB compiler writes them. */
function partExpression(pos: string, outputs: SplitParams['outputs']): string {
  let cumulative = 0;
  const whens = outputs.slice(0, -1).map((o) => {
    cumulative += o.fraction;
    return `.when(${pos} < ${String(cumulative)}, F.lit(${pyString(o.name)}))`;
  });
  return `F${whens.join('')}.otherwise(F.lit(${pyString(outputs[outputs.length - 1]!.name)}))`;
}

/** Sort terms for Spark with DuckDB's NULL placement (NULLS LAST unless said otherwise). */
function sortTerms(orderBy: SplitParams['orderBy']): string {
  return `[${orderBy.map((o) => `col(${pyString(o.column)}).${o.descending ? 'desc_nulls_last' : 'asc_nulls_last'}()`).join(', ')}]`;
}

/**
 * A split: each row tagged with its output by the same md5 unit (or the same order) as the DuckDB compiler, so the
 * same rows land in each output; returns the outputs by name.
 */
export const splitSpark: SparkEmitter<SplitParams> = ({ params: p }) => {
  checkSplitParams(p);
  const body: string[] = [`outputs = ${pyStrings(p.outputs.map((o) => o.name))}`];
  if (p.method === 'leave-last-out') {
    const backwards = p.orderBy.map((o) => `col(${pyString(o.column)}).${o.descending ? 'asc_nulls_first' : 'desc_nulls_first'}()`);
    body.push(
      `group = col(${pyString(p.groupColumn ?? '')})`,
      '# The sort read backwards, so the first row is the last of the sort; ties broken by the row key.',
      `last_first = Window.partitionBy(group).orderBy(${[...backwards, 'row_key(df, []).desc()'].join(', ')})`,
      'is_last = (F.row_number().over(last_first) == 1) & (F.count(F.lit(1)).over(Window.partitionBy(group)) > 1)',
      'part = F.when(is_last, F.lit(outputs[1])).otherwise(F.lit(outputs[0]))',
    );
  } else {
    body.push(`key = row_key(df, ${pyStrings(p.keyColumns)})`, `unit = seeded_unit(${p.seed}, key)`);
    if (p.method === 'randomized' || p.method === 'key') {
      body.push(`part = ${partExpression('unit', p.outputs)}`);
    } else if (p.method === 'ordered') {
      body.push(
        '# Ties are broken by every column, so the same data always splits the same way.',
        `order = ${sortTerms(p.orderBy)} + [col(c).asc_nulls_last() for c in df.columns]`,
        'pos = (F.row_number().over(Window.orderBy(*order)) - 1) / F.count(F.lit(1)).over(Window.partitionBy())',
        `part = ${partExpression('pos', p.outputs)}`,
      );
    } else {
      body.push(
        `stratum = col(${pyString(p.stratifyColumn ?? '')})`,
        'df = df.withColumn("__wrangle_u", unit)',
        'within = Window.partitionBy(stratum).orderBy(col("__wrangle_u").asc_nulls_last(), key.asc_nulls_last())',
        'pos = (F.row_number().over(within) - 1) / F.count(F.lit(1)).over(Window.partitionBy(stratum))',
        `part = ${partExpression('pos', p.outputs)}`,
      );
    }
  }
  body.push(
    'tagged = df.withColumn("__wrangle_part", part)',
    'if "__wrangle_u" in tagged.columns:',
    '    tagged = tagged.drop("__wrangle_u")',
    '# Each output reads the tagged rows: kept, so the blocks before the split run once, not once per output.',
    'tagged = tagged.persist()',
    `return {name: tagged.where(col("__wrangle_part") == name).drop("__wrangle_part") for name in outputs}`,
  );
  return { body, outputs: p.outputs.map((o) => o.name) };
};
