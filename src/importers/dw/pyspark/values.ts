import type { Expr } from '../expr/ast';

/** One step of a DataFrame's plan: a SELECT over the previous relation, or a column added or replaced in place. */
export type PlanStep =
  | { op: 'select'; build: (from: string) => string }
  | { op: 'withColumn'; column: string; expr: Expr };

/** A DataFrame built from the step's input `df`: the steps that lead to it. */
export interface DataFrameValue {
  v: 'df';
  /** Identifies this DataFrame, so that `a.x == b.y` in a join can tell which side each column is on. */
  id: number;
  steps: PlanStep[];
}

/** A Spark Column: its expression, its output name when known, and a sort direction when one was asked for. */
export interface ColumnValue {
  v: 'col';
  e: Expr;
  name?: string;
  /** The DataFrame an `df.x` or `df['x']` reference came from. */
  from?: number;
  sort?: { desc: boolean; nulls?: 'first' | 'last' };
  /** `F.when(...)` chains that can still take `.when` and `.otherwise`. */
  open?: boolean;
}

export type Value =
  | { v: 'str'; s: string }
  | { v: 'num'; n: number; text: string }
  | { v: 'bool'; b: boolean }
  | { v: 'none' }
  | { v: 'list'; items: Value[] }
  | { v: 'dict'; entries: [Value, Value][] }
  | ColumnValue
  | DataFrameValue
  | { v: 'grouped'; df: DataFrameValue; keys: ColumnValue[] }
  /** A module: `F` (pyspark.sql.functions), `T` (types), or one that is not translated (pandas). */
  | { v: 'module'; module: string }
  /** A function of a module, or a method bound to a value. */
  | { v: 'fn'; module: string; name: string }
  | { v: 'method'; self: Value; name: string }
  | { v: 'type'; spark: string };

export const FUNCTIONS_MODULE = 'pyspark.sql.functions';
export const TYPES_MODULE = 'pyspark.sql.types';

/** What a value is, in the words of an error message. */
export function describeValue(x: Value): string {
  switch (x.v) {
    case 'str':
      return `the string ${JSON.stringify(x.s)}`;
    case 'num':
      return `the number ${x.text}`;
    case 'col':
      return 'a Column';
    case 'df':
      return 'a DataFrame';
    case 'grouped':
      return 'grouped data';
    case 'module':
      return `the module ${x.module}`;
    case 'fn':
      return `${x.module}.${x.name}`;
    case 'method':
      return `the method ${x.name}`;
    default:
      return `a ${x.v}`;
  }
}
