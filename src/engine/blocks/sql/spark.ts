import { pyString, type SparkEmitter } from '../../spark/contract';
import type { SqlParams } from './definition';

/**
 * The user's query, translated from DuckDB's parse tree into Spark SQL, over the block's inputs: each is registered
 * as a temporary view named after the block and the port, and the query reads it under the port's name.
 */
export const sqlSpark: SparkEmitter<SqlParams> = async ({ blockId, params: p, inputs, query }) => {
  const views = Object.fromEntries(p.inputs.map((port) => [port, `wrangle_${blockId.replace(/-/g, '_')}_${port}`]));
  const translated = await query(p.query, views, 'query');
  return {
    body: [
      ...p.inputs.map((port) => `${inputs[port]}.createOrReplaceTempView(${pyString(views[port]!)})`),
      `return spark.sql(${pyString(translated.spark)})`,
    ],
  };
};
