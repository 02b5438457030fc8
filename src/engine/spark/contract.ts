import type { WrangleError } from '../errors/catalog';
import type { CastType } from '../sql/types';

/**
 * What a block kind's PySpark emitter (`blocks/<kind>/spark.ts`) is given and gives back. The job it is part of is
 * built by script.ts: one Python function per block, called in the flow's order.
 */

/** User SQL (a formula, a filter) translated from DuckDB's parse tree into Spark SQL. */
export interface SparkExpression {
  /** Spark SQL text for `F.expr(...)`. */
  spark: string;
}

export interface SparkContext<P, F = unknown> {
  blockId: string;
  params: P;
  fitted: F | undefined;
  /** The Python names of the DataFrames on the block's input ports. */
  inputs: Readonly<Record<string, string>>;
  /**
   * Translates a DuckDB expression the user wrote (`setting` names it in errors, e.g. `expression`) into Spark SQL;
   * throws E_SPARK_UNSUPPORTED naming the function or construct and where it is in the text.
   */
  expression(text: string, setting: string): Promise<SparkExpression>;
  /**
   * Translates a whole DuckDB query (the `sql` block's) into Spark SQL; `tables` maps each table name the query may
   * read (case does not count) to the Spark view that holds it. Throws E_SPARK_UNSUPPORTED as `expression` does.
   */
  query(text: string, tables: Readonly<Record<string, string>>, setting: string): Promise<SparkExpression>;
  /** E_SPARK_UNSUPPORTED for this block: `what` (a setting, a method) and where it is. */
  unsupported(what: string, where: string, detail?: string): WrangleError;
}

/** A block's step of the job. */
export interface SparkStep {
  /** The function's body, Python lines without indentation; it ends with `return …`. */
  body: string[];
  /**
   * The output ports, when the block has several (a split): the body then returns a dict by port name. An export
   * returns None.
   */
  outputs?: string[];
  /**
   * Python functions the body calls that several blocks share (a model's id maps, its factor tables): each text is
   * written once, after the prelude, however many blocks need it.
   */
  helpers?: readonly string[];
  /**
   * Where the step knowingly differs from `wrangle run` (Spark's ALS has no bias terms, draws its own random
   * factors): written above the block's function and reported by `wrangle pyspark`, so no difference is silent.
   */
  notes?: readonly string[];
}

/** A kind's PySpark emitter. */
export type SparkEmitter<P = never, F = never> = (ctx: SparkContext<P, F>) => Promise<SparkStep> | SparkStep;

/** A Python string literal (JSON's escapes are Python's too). */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/** A Python list of string literals. */
export function pyStrings(texts: readonly string[]): string {
  return `[${texts.map(pyString).join(', ')}]`;
}

/** A Python literal for a JSON value (numbers, strings, booleans, null, lists, records). */
export function pyValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyString(k)}: ${pyValue(v)}`).join(', ')}}`;
}

/** DuckDB's cast types as Spark spells them; TIME has no Spark type (undefined). */
const SPARK_CAST_TYPES: Readonly<Record<CastType, string | undefined>> = {
  VARCHAR: 'STRING',
  BOOLEAN: 'BOOLEAN',
  INTEGER: 'INT',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  'DECIMAL(18,3)': 'DECIMAL(18,3)',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  TIME: undefined,
};

/** The Spark SQL type of a DuckDB cast type, or undefined where Spark has none (TIME). */
export function sparkCastType(type: CastType): string | undefined {
  return SPARK_CAST_TYPES[type];
}
