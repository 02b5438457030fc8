import { z } from 'zod';
import { assertNever } from '../../assert-never';
import { fail } from '../../errors/catalog';
import { identList, quoteIdent } from '../../sql/quote';
import { seededUnit, stableRowKey } from '../../sql/seeded';
import { columnNames, requireColumn, requireColumns } from '../columns';
import { defineBlock, SINGLE_IN, SINGLE_OUT, type Relation } from '../contract';

const sortKey = z
  .object({
    column: z.string().min(1),
    descending: z.boolean().default(false),
    nulls: z.enum(['first', 'last']).default('last'),
  })
  .strict();

const params = z.discriminatedUnion('op', [
  /** Sorts by the given keys, then by every column, so ties always come out in the same order. */
  z.object({ op: z.literal('sort'), by: z.array(sortKey).min(1) }).strict(),
  z
    .object({
      op: z.literal('drop-duplicates'),
      /** The columns that make rows duplicates; empty means every column. */
      columns: z.array(z.string().min(1)).default([]),
      /**
       * Which row of a duplicate group stays. `first`/`last`: the first or last in `orderBy` order (ties broken by
       * every column). `any`: one row, not chosen by order; today the smallest by every column, so runs repeat.
       */
      keep: z.enum(['first', 'last', 'any']).default('any'),
      orderBy: z.array(z.string().min(1)).default([]),
    })
    .strict(),
  /** A seeded shuffle: the same seed and rows give the same order in every engine. */
  z.object({ op: z.literal('shuffle'), seed: z.number().int().default(42) }).strict(),
]);

export type ManageRowsParams = z.infer<typeof params>;

/** `"a" DESC NULLS FIRST`, or its exact reverse, so "last" is the last row of the "first" order. */
function orderTerm(column: string, descending: boolean, nullsFirst: boolean, reverse = false): string {
  const desc = descending !== reverse;
  const first = nullsFirst !== reverse;
  return `${quoteIdent(column)} ${desc ? 'DESC' : 'ASC'} NULLS ${first ? 'FIRST' : 'LAST'}`;
}

function dropDuplicates(input: Relation, p: Extract<ManageRowsParams, { op: 'drop-duplicates' }>): string {
  const all = columnNames(input);
  requireColumns(input, p.columns);
  // Over every column, a duplicate group holds identical rows, so which one stays does not matter.
  if (p.columns.length === 0 || new Set(p.columns).size === all.length) return `SELECT DISTINCT * FROM ${input.ref}`;
  let order: string[];
  if (p.keep === 'any') {
    order = all.map((c) => orderTerm(c, false, false));
  } else {
    if (p.orderBy.length === 0) {
      fail('E_PARAMS_INVALID', { path: 'orderBy', detail: `keeping the ${p.keep} row needs columns to order by` });
    }
    requireColumns(input, p.orderBy);
    const reverse = p.keep === 'last';
    order = [...p.orderBy, ...all].map((c) => orderTerm(c, false, false, reverse));
  }
  return `SELECT * FROM ${input.ref} QUALIFY row_number() OVER (PARTITION BY ${identList(p.columns)} ORDER BY ${order.join(', ')}) = 1`;
}

/**
 * Sorts, shuffles or drops duplicate rows. A table's row order lasts only until the next block reads it, so the order
 * of a sort or shuffle is what this block's preview shows and what an export with `order: 'none'` writes.
 */
export const manageRowsBlock = defineBlock({
  kind: 'manage-rows',
  family: 'transform',
  title: 'Manage rows',
  description: 'Sorts rows, drops duplicate rows, or shuffles rows with a seed.',
  params,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  compile({ params: p, inputs }) {
    const input = inputs.in;
    const all = columnNames(input);
    const tieBreak = all.map((c) => orderTerm(c, false, false));
    switch (p.op) {
      case 'sort': {
        const keys = p.by.map((k) => orderTerm(requireColumn(input, k.column).name, k.descending, k.nulls === 'first'));
        return { select: `SELECT * FROM ${input.ref} ORDER BY ${[...keys, ...tieBreak].join(', ')}` };
      }
      case 'drop-duplicates':
        return { select: dropDuplicates(input, p) };
      case 'shuffle': {
        const unit = seededUnit(p.seed, stableRowKey(input.columns));
        return { select: `SELECT * FROM ${input.ref} ORDER BY ${[unit, ...tieBreak].join(', ')}` };
      }
      default:
        return assertNever(p);
    }
  },
});
