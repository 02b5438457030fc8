import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { fitLabels, labelColumns, labelsFitted } from '../categorical';
import { ColumnNameSet, columnNames, requireColumn } from '../columns';
import { defineBlock, SINGLE_IN, SINGLE_OUT } from '../contract';

const params = z
  .object({
    /** A column of delimited labels, e.g. `Action|Comedy`. */
    column: z.string().min(1),
    delimiter: z.string().min(1).default('|'),
    /** Output columns are `<prefix><label>`; default `<column>_`. */
    prefix: z.string().optional(),
    dropInput: z.boolean().default(true),
    /** Tokens that are not labels, such as MovieLens's placeholder for "no genre". */
    ignoreLabels: z.array(z.string()).default(['(no genres listed)']),
    /** Keep at most this many labels (the most frequent); rarer tokens get no column. */
    maxLabels: z.number().int().positive().max(1000).default(100),
  })
  .strict();

type MultiHotParams = z.infer<typeof params>;

const fitted = labelsFitted;

export type MultiHotFitted = z.infer<typeof fitted>;

/** A row's tokens: the text split at the delimiter, each trimmed. NULL text gives a NULL list. */
function tokenList(p: MultiHotParams): string {
  return `list_transform(string_split(CAST(${quoteIdent(p.column)} AS VARCHAR), ${quoteLiteral(p.delimiter)}), lambda token: trim(token))`;
}

export const multiHotBlock = defineBlock({
  kind: 'multi-hot',
  family: 'encode',
  title: 'Multi-hot encode',
  description: 'Turns a column of delimited labels (Action|Comedy) into one 0/1 column per label, labels ordered by frequency.',
  params,
  fitted,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  async fit({ params: p, inputs, query }) {
    const input = inputs.in;
    requireColumn(input, p.column);
    const ignored = ['', ...p.ignoreLabels].map(quoteLiteral).join(', ');
    // Distinct per row, so a label counts the rows that have it, however often a row repeats it.
    const tokens = `(SELECT label FROM (SELECT unnest(list_distinct(${tokenList(p)})) AS label FROM ${input.ref}) WHERE label NOT IN (${ignored})) AS tokens`;
    return fitLabels(query, tokens, 'label', p.maxLabels);
  },
  compile({ params: p, inputs, fitted: f }) {
    const input = inputs.in;
    requireColumn(input, p.column);
    const labels = f?.labels ?? fail('E_NOT_FITTED', { what: 'multi-hot labels' });
    const prefix = p.prefix ?? `${p.column}_`;
    const taken = ColumnNameSet.of(input);
    if (p.dropInput) taken.delete(p.column);
    const names = labelColumns(taken, labels, (label) => `${prefix}${label}`, p.column);
    // The tokens' helper column sits beside every input column (the dropped one too) and every label's column.
    const helper = quoteIdent(new ColumnNameSet([...columnNames(input), ...names]).unused('__wrangle_tokens'));
    // COALESCE: a NULL cell has no labels, so all zeros rather than NULLs.
    const flags = labels.map((label, i) => `COALESCE(CAST(list_contains(${helper}, ${quoteLiteral(label)}) AS INTEGER), 0) AS ${quoteIdent(names[i]!)}`);
    const excluded = p.dropInput ? `${helper}, ${quoteIdent(p.column)}` : helper;
    // The split happens once per row, in the inner query; each label's flag only looks it up.
    const split = `(SELECT *, ${tokenList(p)} AS ${helper} FROM ${input.ref}) AS split`;
    return { select: `SELECT * EXCLUDE (${excluded})${flags.map((x) => `, ${x}`).join('')} FROM ${split}` };
  },
});
