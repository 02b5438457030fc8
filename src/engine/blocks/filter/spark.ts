import { pyString, type SparkEmitter } from '../../spark/contract';

/** A filter: rows where the translated condition is true (false and NULL drop the row, as in DuckDB). */
export const filterSpark: SparkEmitter<{ condition: string }> = async ({ params: p, expression }) => {
  const condition = await expression(p.condition, 'condition');
  return { body: [`return df.where(F.expr(${pyString(condition.spark)}))`] };
};
