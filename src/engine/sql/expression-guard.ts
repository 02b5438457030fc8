import { wrapExpression, type UserSql } from './user-sql-guard';

/**
 * A user's expression (a formula, a filter condition) as it goes into a compiled SELECT, with the check that the
 * executor has the engine's parser run on it before that SELECT runs (see user-sql-guard.ts). `label` is what the
 * errors call it: the formula's column, or `filter`.
 */
export function userExpression(text: string, label: string): { sql: string; check: UserSql } {
  return { sql: wrapExpression(text), check: { as: 'expression', text, label } };
}
