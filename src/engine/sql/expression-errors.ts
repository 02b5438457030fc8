import { WrangleError } from '../errors/catalog';
import { explainEngineError } from './engine-error-words';
import { spanOf, type UserSql } from './user-sql-guard';

/** A block's input relations, as far as errors need them: their column names. */
type Inputs = Readonly<Record<string, { columns: readonly { name: string }[] }>>;

/** The columns a user's text can read: those of every input, each name once. */
export function readableColumns(inputs: Inputs): string[] {
  return [...new Set(Object.values(inputs).flatMap((r) => r.columns.map((c) => c.name)))];
}

/**
 * An engine error about a user's expression or query, as the user's mistake, in the user's words and underlined
 * where it is: a typo is E_FORMULA_SYNTAX (E_SQL_INVALID for a query), a name or type that does not fit is
 * E_FORMULA_INVALID (E_SQL_INVALID). Undefined for an error that is not about the user's text.
 */
export function explainUserSqlError(message: string, sql: UserSql, inputs: Inputs): WrangleError | undefined {
  const noun = sql.as === 'query' ? 'query' : /condition/i.test(sql.what) ? 'condition' : 'expression';
  const explained = explainEngineError(message, { text: sql.text, noun, columns: readableColumns(inputs) });
  if (!explained) return undefined;
  const span = spanOf(sql, explained);
  if (sql.as === 'query') return new WrangleError('E_SQL_INVALID', { what: 'Query', detail: explained.sentence }, undefined, span);
  const code = explained.syntax ? 'E_FORMULA_SYNTAX' : 'E_FORMULA_INVALID';
  return new WrangleError(code, { what: sql.what, detail: explained.sentence }, undefined, span);
}
