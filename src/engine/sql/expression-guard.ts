import { wrapExpression, type UserSql } from './user-sql-guard';

/**
 * A user's expression (a formula, a filter condition) as it goes into a compiled SELECT, with the check that the
 * executor has the engine's parser run on it before that SELECT runs (see user-sql-guard.ts). `what` is how errors
 * name it (`Formula for "y"`, `Filter condition`), `param` the block param that holds it, which the form underlines.
 */
export function userExpression(text: string, what: string, param: string): { sql: string; check: Extract<UserSql, { as: 'expression' }> } {
  return { sql: wrapExpression(text), check: { as: 'expression', text, what, param } };
}
