import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { ColumnNameSet, requireColumn } from '../columns';
import { readFactorPair, scoreExpression } from '../factor-tables';
import { defineBlock, SINGLE_OUT } from '../contract';

const params = z
  .object({
    /** The user id column of `data`; empty: the name of the users table's id column. */
    userColumn: z.string().default(''),
    /** The item id column of `data`; empty: the name of the items table's id column. */
    itemColumn: z.string().default(''),
    outputColumn: z.string().min(1).default('prediction'),
    /** Rows whose user or item has no factors: dropped (as Spark's coldStartStrategy=drop) or kept with NaN. */
    coldStart: z.enum(['drop', 'nan']).default('drop'),
    /** Limits the prediction to a rating scale. */
    clamp: z.object({ min: z.number(), max: z.number() }).strict().optional(),
  })
  .strict();

export type PredictParams = z.infer<typeof params>;

export const predictBlock = defineBlock({
  kind: 'predict',
  family: 'model',
  title: 'Predict',
  description: "Scores each row's (user, item) pair with a model's factor tables: the data's columns plus a prediction.",
  params,
  inputs: () => ['data', 'users', 'items'],
  outputs: () => SINGLE_OUT,
  compile({ params: p, inputs }) {
    const data = inputs.data;
    const { users, items } = readFactorPair(inputs.users, inputs.items);
    const userColumn = requireColumn(data, p.userColumn || users.id.name, 'the data input').name;
    const itemColumn = requireColumn(data, p.itemColumn || items.id.name, 'the data input').name;
    ColumnNameSet.of(data).add(p.outputColumn, 'It is the prediction column, and the data input has it.');
    if (p.clamp && !(p.clamp.min <= p.clamp.max)) {
      fail('E_PARAMS_INVALID', { path: 'clamp', detail: `the minimum ${p.clamp.min} is above the maximum ${p.clamp.max}` });
    }
    const score = scoreExpression(users, items);
    const clamped = p.clamp ? `greatest(${quoteLiteral(p.clamp.min)}, least(${quoteLiteral(p.clamp.max)}, ${score}))` : score;
    const cold = `u.${quoteIdent(users.id.name)} IS NULL OR i.${quoteIdent(items.id.name)} IS NULL`;
    // Cold rows never reach the clamp: least/greatest skip a NULL and would turn it into a bound.
    const prediction = p.coldStart === 'nan' ? `CASE WHEN ${cold} THEN CAST('NaN' AS DOUBLE) ELSE ${clamped} END` : clamped;
    const join = p.coldStart === 'nan' ? 'LEFT JOIN' : 'JOIN';
    return {
      select:
        `SELECT d.*, CAST(${prediction} AS DOUBLE) AS ${quoteIdent(p.outputColumn)} FROM ${data.ref} AS d ` +
        `${join} ${users.rel.ref} AS u ON d.${quoteIdent(userColumn)} = u.${quoteIdent(users.id.name)} ` +
        `${join} ${items.rel.ref} AS i ON d.${quoteIdent(itemColumn)} = i.${quoteIdent(items.id.name)}`,
    };
  },
});
