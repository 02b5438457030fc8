import { z } from 'zod';
import { explainUserSqlError } from '../../sql/expression-errors';
import { quoteIdent } from '../../sql/quote';
import { wrapQuery, type UserSql } from '../../sql/user-sql-guard';
import { defineBlock, SINGLE_OUT } from '../contract';
import { wordsByPattern } from '../param-words';

/** A port name doubles as the table name the query reads, so it must be a plain SQL identifier. */
const tableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/, 'a letter or _, then letters, digits or _ (at most 32)');

const params = z
  .object({
    /** One SELECT over the inputs, e.g. `SELECT userId, avg(Rating) AS r FROM df GROUP BY userId`. */
    query: z.string().min(1),
    /** Input port names; each is a table the query can read. */
    inputs: z
      .array(tableName)
      .min(1)
      .max(4)
      .default(['df'])
      // DuckDB folds unquoted names to one case, so `df` and `DF` would be the same table.
      .refine((xs) => new Set(xs.map((x) => x.toLowerCase())).size === xs.length, 'input names must be different'),
  })
  .strict();

export type SqlParams = z.infer<typeof params>;

/** The query as the executor checks it and errors underline it. */
const queryCheck = (p: SqlParams): UserSql => ({ as: 'query', text: p.query, tables: p.inputs, param: 'query' });

export const sqlBlock = defineBlock({
  kind: 'sql',
  family: 'transform',
  title: 'Custom SQL',
  description: 'Runs one SELECT of your own over the inputs; each input port is a table the query can read by name.',
  params,
  paramWords: wordsByPattern({
    query: { label: 'Query', holds: 'expression', empty: 'Write a query, such as SELECT * FROM df' },
    inputs: { label: 'Inputs', holds: 'list', empty: 'Keep at least one input' },
    'inputs.*': { label: 'Input name', holds: 'name', empty: 'Give the input a name' },
  }),
  inputs: (p) => p.inputs,
  outputs: () => SINGLE_OUT,
  // A query of the user's may take a LIMIT without ORDER BY, a sample or a window over ties.
  variesBetweenReads: () => true,
  compile({ params: p, inputs }) {
    const tables = p.inputs.map((name) => `${quoteIdent(name)} AS (SELECT * FROM ${inputs[name]!.ref})`);
    // The executor has the engine's parser check the query first: one SELECT, reading only these tables.
    return {
      select: `WITH ${tables.join(', ')} SELECT * FROM ${wrapQuery(p.query)}`,
      userSql: [queryCheck(p)],
    };
  },
  explainError: (message, p, inputs) => explainUserSqlError(message, queryCheck(p), inputs),
});
