import { WrangleError } from '../errors/catalog';

/**
 * An engine error about a user's expression (a formula, a filter condition), as the user's mistake: a typo is
 * E_FORMULA_SYNTAX, a name or type that does not fit is E_FORMULA_INVALID. `column` says what the expression computes.
 */
export function explainExpressionError(message: string, column: string): WrangleError | undefined {
  if (/^Parser Error/i.test(message)) return new WrangleError('E_FORMULA_SYNTAX', { column, detail: message });
  // DuckDB lexes a run of operator characters (`+*`) as one unknown operator, which is a typo, not a missing function.
  if (/Function with name [-+*/%<>=!~^&|@#]+ does not exist/i.test(message)) return new WrangleError('E_FORMULA_SYNTAX', { column, detail: message });
  if (/^(Binder|Conversion|Catalog) Error/i.test(message)) return new WrangleError('E_FORMULA_INVALID', { column, detail: message });
  return undefined;
}
