import { z } from 'zod';
import { userExpression } from '../../sql/expression-guard';
import { explainUserSqlError } from '../../sql/expression-errors';
import { defineBlock, SINGLE_IN, SINGLE_OUT } from '../contract';
import { wordsByPattern } from '../param-words';

const params = z
  .object({
    /** A SQL condition over the row's columns, e.g. `Rating >= 4 AND genre <> 'Jazz'`. */
    condition: z.string().min(1),
  })
  .strict();

/** How errors name the condition. */
const WHAT = 'Filter condition';

export const filterBlock = defineBlock({
  kind: 'filter',
  family: 'transform',
  title: 'Filter rows',
  description: 'Keeps the rows where a SQL condition is true; rows where it is false or NULL are dropped.',
  params,
  paramWords: wordsByPattern({
    condition: { label: 'Condition', holds: 'expression', empty: 'Write the condition rows must meet, such as Rating >= 4' },
  }),
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  rowIdentity: 'keeps',
  compile({ params: p, inputs }) {
    const condition = userExpression(p.condition, WHAT, 'condition');
    return { select: `SELECT * FROM ${inputs.in.ref} WHERE ${condition.sql}`, userSql: [condition.check] };
  },
  explainError(message, p, inputs) {
    // A condition is an expression like a formula's, so its engine errors read the same way.
    return explainUserSqlError(message, userExpression(p.condition, WHAT, 'condition').check, inputs);
  },
});
