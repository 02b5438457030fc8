/**
 * The expression tree both Spark front ends produce (Spark SQL text in custom formulas, PySpark Column calls in
 * custom code), printed as DuckDB SQL by to-duckdb.ts. Function names are lower case; column names as written.
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | 'div' | '||' | '=' | '<=>' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or' | '&' | '|' | '^';

export type Expr =
  /** `from`: the PySpark DataFrame a `df.x` reference came from, so a join can tell its sides apart. */
  | { t: 'col'; name: string; from?: number }
  | { t: 'star' }
  | { t: 'str'; value: string }
  /** A number as written, with Spark's type suffix (`10L`, `1.5D`) kept. */
  | { t: 'num'; text: string }
  | { t: 'bool'; value: boolean }
  | { t: 'null' }
  | { t: 'call'; name: string; args: Expr[]; distinct?: boolean }
  | { t: 'bin'; op: BinaryOp; left: Expr; right: Expr }
  | { t: 'unary'; op: 'not' | '-' | '~'; e: Expr }
  | { t: 'case'; operand?: Expr; whens: { when: Expr; then: Expr }[]; otherwise?: Expr }
  /** A Spark type name, lower case: `double`, `decimal(10,2)`. */
  | { t: 'cast'; e: Expr; type: string }
  | { t: 'isnull'; e: Expr; not: boolean }
  | { t: 'in'; e: Expr; list: Expr[]; not: boolean }
  | { t: 'between'; e: Expr; low: Expr; high: Expr; not: boolean }
  | { t: 'like'; op: 'like' | 'ilike' | 'rlike'; e: Expr; pattern: Expr; not: boolean }
  | { t: 'extract'; field: string; e: Expr };

export const col = (name: string): Expr => ({ t: 'col', name });
export const str = (value: string): Expr => ({ t: 'str', value });
export const num = (n: number | string): Expr => ({ t: 'num', text: String(n) });
export const call = (name: string, ...args: Expr[]): Expr => ({ t: 'call', name, args });

/** A mistake or an unknown construct in code being translated: the step becomes an unsupported block with this reason. */
export class TranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslationError';
  }
}
