import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { explainUnknownCategory, fitLabels, labelsFitted, unknownCategoryGuard } from '../categorical';
import { ColumnNameSet, requireColumn } from '../columns';
import { defineBlock, SINGLE_IN, SINGLE_OUT } from '../contract';

const params = z
  .object({
    column: z.string().min(1),
    /** Writes the index to this new column at the end; by default the column is replaced in place. */
    outputColumn: z.string().min(1).optional(),
    /** A value not seen when fitting: `keep` gives it index n (one past the last label), `error` stops the run, `ignore` gives NULL. */
    unknown: z.enum(['keep', 'error', 'ignore']).default('keep'),
    /** Label order, which is index order: most frequent first (ties alphabetical), or alphabetical. */
    order: z.enum(['frequency', 'alphabetical']).default('frequency'),
    /** Keep at most this many labels (the most frequent); the rest count as unknown. Bounds the fitted state. */
    maxLabels: z.number().int().positive().max(100_000).default(1000),
  })
  .strict();

const fitted = labelsFitted;

export type OrdinalFitted = z.infer<typeof fitted>;

export const ordinalBlock = defineBlock({
  kind: 'ordinal',
  family: 'encode',
  title: 'Ordinal encode',
  description: 'Replaces each category with its index 0..n-1 in a learned label order (by frequency or alphabetical).',
  params,
  fitted,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  rowIdentity: 'keeps',
  async fit({ params: p, inputs, query }) {
    requireColumn(inputs.in, p.column);
    return fitLabels(query, inputs.in.ref, p.column, p.maxLabels, p.order);
  },
  compile({ params: p, inputs, fitted: f }) {
    const input = inputs.in;
    requireColumn(input, p.column);
    const labels = f?.labels ?? fail('E_NOT_FITTED', { what: 'ordinal labels' });
    const c = `CAST(${quoteIdent(p.column)} AS VARCHAR)`;
    const unknownIndex = p.unknown === 'keep' ? String(labels.length) : 'NULL';
    const position = labels.length > 0 ? `list_position([${labels.map(quoteLiteral).join(', ')}], ${c}) - 1` : 'NULL';
    const index = `CAST(CASE WHEN ${c} IS NULL THEN NULL ELSE coalesce(${position}, ${unknownIndex}) END AS INTEGER)`;
    const guard = p.unknown === 'error' ? unknownCategoryGuard(c, labels) : '';
    const out = p.outputColumn ?? p.column;
    if (out === p.column) return { select: `SELECT * REPLACE (${index} AS ${quoteIdent(out)}) FROM ${input.ref}${guard}` };
    ColumnNameSet.of(input).add(out, `It is the ordinal block's output column for "${p.column}".`);
    return { select: `SELECT *, ${index} AS ${quoteIdent(out)} FROM ${input.ref}${guard}` };
  },
  explainError: (message, p) => explainUnknownCategory(message, p.column),
});
