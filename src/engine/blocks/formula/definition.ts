import { z } from 'zod';
import { explainUserSqlError } from '../../sql/expression-errors';
import { userExpression } from '../../sql/expression-guard';
import { quoteIdent } from '../../sql/quote';
import { ColumnNameSet } from '../columns';
import { defineBlock, SINGLE_IN, SINGLE_OUT } from '../contract';
import { wordsByPattern } from '../param-words';

const params = z
  .object({
    /** The new column, or an existing one to replace in place. */
    column: z.string().min(1),
    /** A DuckDB SQL expression over the input's columns, e.g. `0.3*valence + 0.1*liveness`. */
    expression: z.string().min(1),
  })
  .strict();

/** How errors name the formula. */
const whatOf = (column: string) => `Formula for "${column}"`;

export const formulaBlock = defineBlock({
  kind: 'formula',
  family: 'transform',
  title: 'Custom formula',
  description: 'Adds a column (or replaces one) from a SQL expression over the row.',
  params,
  paramWords: wordsByPattern({
    column: { label: 'Output column', holds: 'name', empty: 'Give the new column a name' },
    expression: { label: 'Expression', holds: 'expression', empty: 'Write an expression over the columns, such as 0.3 * valence' },
  }),
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  rowIdentity: 'keeps',
  compile({ params: p, inputs }) {
    const input = inputs.in;
    const expr = userExpression(p.expression, whatOf(p.column), 'expression');
    // A name equal to an existing column's but for ASCII case is that column to DuckDB: it is replaced, in place, and
    // takes the formula's spelling. Adding it beside would have DuckDB rename it `<name>_1`.
    const exists = ColumnNameSet.of(input).has(p.column);
    const select = exists
      ? `SELECT * REPLACE (${expr.sql} AS ${quoteIdent(p.column)}) FROM ${input.ref}`
      : `SELECT *, ${expr.sql} AS ${quoteIdent(p.column)} FROM ${input.ref}`;
    return { select, userSql: [expr.check] };
  },
  explainError: (message, p, inputs) => explainUserSqlError(message, userExpression(p.expression, whatOf(p.column), 'expression').check, inputs),
});
