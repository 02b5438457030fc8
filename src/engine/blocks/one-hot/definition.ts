import { z } from 'zod';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { explainUnknownCategory, fitLabels, isKnownLabel, labelColumns, labelsFitted, unknownCategoryGuard } from '../categorical';
import { ColumnNameSet, requireColumn } from '../columns';
import { defineBlock, SINGLE_IN, SINGLE_OUT } from '../contract';
import { fail } from '../../errors/catalog';

const params = z
  .object({
    column: z.string().min(1),
    /** `columns`: one 0/1 column per label, `<column>_<label>`, and the input column is dropped. */
    outputStyle: z.enum(['columns']).default('columns'),
    /** A value not seen when fitting: `keep` counts it in `<column>_unknown`, `error` stops the run, `ignore` gives all zeros. */
    unknown: z.enum(['keep', 'error', 'ignore']).default('ignore'),
    /** Keep at most this many labels (the most frequent); the rest count as unknown. */
    maxLabels: z.number().int().positive().max(1000).default(100),
  })
  .strict();

const fitted = labelsFitted;

export type OneHotFitted = z.infer<typeof fitted>;

export const oneHotBlock = defineBlock({
  kind: 'one-hot',
  family: 'encode',
  title: 'One-hot encode',
  description: 'Turns a categorical column into one 0/1 column per label, labels ordered by frequency.',
  params,
  fitted,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  rowIdentity: 'keeps',
  async fit({ params: p, inputs, query }) {
    requireColumn(inputs.in, p.column);
    return fitLabels(query, inputs.in.ref, p.column, p.maxLabels);
  },
  compile({ params: p, inputs, fitted: f }) {
    const input = inputs.in;
    requireColumn(input, p.column);
    const labels = f?.labels ?? fail('E_NOT_FITTED', { what: 'one-hot labels' });
    const c = `CAST(${quoteIdent(p.column)} AS VARCHAR)`;
    const known = isKnownLabel(c, labels);
    // COALESCE: a NULL category is all zeros, not NULL.
    const flag = (cond: string, name: string) => `COALESCE(CAST(${cond} AS INTEGER), 0) AS ${quoteIdent(name)}`;
    // The input column is dropped, so only the other columns can clash with the new ones.
    const taken = ColumnNameSet.of(input);
    taken.delete(p.column);
    const names = labelColumns(taken, labels, (label) => `${p.column}_${label}`, p.column);
    const cols = labels.map((label, i) => flag(`${c} = ${quoteLiteral(label)}`, names[i]!));
    if (p.unknown === 'keep') {
      const unknownName = taken.add(`${p.column}_unknown`, `It would be the column that counts values not seen when fitting "${p.column}".`);
      cols.push(flag(`${c} IS NOT NULL AND NOT (${known})`, unknownName));
    }
    const guard = p.unknown === 'error' ? unknownCategoryGuard(c, labels) : '';
    return { select: `SELECT * EXCLUDE (${quoteIdent(p.column)}), ${cols.join(', ')} FROM ${input.ref}${guard}` };
  },
  explainError: (message, p) => explainUnknownCategory(message, p.column),
});
