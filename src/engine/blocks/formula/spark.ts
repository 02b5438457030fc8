import { pyString, type SparkEmitter } from '../../spark/contract';

type FormulaParams = { column: string; expression: string };

/** A formula: the expression, translated to Spark SQL, as a new column or in place of the one of that name. */
export const formulaSpark: SparkEmitter<FormulaParams> = async ({ params: p, expression }) => {
  const expr = await expression(p.expression, 'expression');
  return {
    body: [
      `value = F.expr(${pyString(expr.spark)})`,
      `name = ${pyString(p.column)}`,
      '# A name equal to an existing column but for ASCII case replaces that column in place, as in DuckDB.',
      'same = [c for c in df.columns if name_key(c) == name_key(name)]',
      'if same:',
      '    return df.select(*[value.alias(name) if c == same[0] else col(c) for c in df.columns])',
      'return df.withColumn(name, value)',
    ],
  };
};
