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

/**
 * What a predict run tells besides its rows: how many rows of the data had a user or item the model never saw (a
 * cold start), and what became of them, so that a smaller result is never a silent surprise.
 */
export interface PredictReport {
  /** Rows of the data input. */
  dataRows: number;
  /** Of those, rows without factors for their user or item. */
  coldStartRows: number;
  coldStart: 'drop' | 'nan';
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The sentence the studio and the CLI both say about the cold-start rows. */
export function coldStartSentence(r: PredictReport): string {
  if (r.coldStartRows === 0) return `Every row had a user and an item the model knows: ${plural(r.dataRows, 'row', 'rows')} scored.`;
  const rows = `${r.coldStartRows.toLocaleString('en-US')} of ${plural(r.dataRows, 'row', 'rows')}`;
  const were = r.coldStartRows === 1 ? 'was' : 'were';
  const are = r.coldStartRows === 1 ? 'is' : 'are';
  return r.coldStart === 'drop'
    ? `${rows} had a user or item the model never saw (a cold start) and ${were} dropped.`
    : `${rows} had a user or item the model never saw (a cold start) and ${are} predicted NaN.`;
}

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
      // Dropped rows are the data's rows missing from the result; kept ones carry NaN, which no factor product gives.
      counts: (result) => {
        const dataRows = `(SELECT count(*) FROM ${data.ref})`;
        const coldRows =
          p.coldStart === 'drop' ? `${dataRows} - (SELECT count(*) FROM ${result})` : `(SELECT count(*) FROM ${result} WHERE isnan(${quoteIdent(p.outputColumn)}))`;
        return `SELECT ${dataRows} AS data_rows, ${coldRows} AS cold_rows, ${quoteLiteral(p.coldStart)} AS cold_mode`;
      },
    };
  },
  report: ({ counted }): PredictReport | undefined => {
    if (!counted) return undefined;
    return { dataRows: Number(counted.data_rows), coldStartRows: Number(counted.cold_rows), coldStart: counted.cold_mode === 'nan' ? 'nan' : 'drop' };
  },
  tellReport: (report) => ({ ...(report.coldStartRows > 0 ? { details: [coldStartSentence(report)] } : {}), json: { coldStart: report } }),
});
