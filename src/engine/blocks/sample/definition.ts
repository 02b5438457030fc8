import { z } from 'zod';
import { assertNever } from '../../assert-never';
import { identList } from '../../sql/quote';
import { seededUnit, stableRowKey, stratifiedPosition } from '../../sql/seeded';
import { columnNames, requireColumn, requireColumns } from '../columns';
import { defineBlock, SINGLE_IN, SINGLE_OUT, type Relation } from '../contract';

const seed = z.number().int().default(42);
const fraction = z.number().gt(0).lte(1);
/** Columns that identify a row for the seeded draw; empty means every column, by its text form. */
const keyColumns = z.array(z.string().min(1)).default([]);
const rows = z.number().int().min(1);

const params = z.discriminatedUnion('mode', [
  /** The first rows in the input's current order: a quick look, only as repeatable as that order. */
  z.object({ mode: z.literal('first'), rows }).strict(),
  /** Each row is kept when its seeded unit falls below the fraction: about that share, the same rows every run. */
  z.object({ mode: z.literal('fraction'), fraction, seed, keyColumns }).strict(),
  /** Exactly `rows` rows (or all, if fewer): those with the lowest seeded units. */
  z.object({ mode: z.literal('rows'), rows, seed, keyColumns }).strict(),
  /** Within each value of `column`, the given fraction of its rows (rounded up), chosen by seeded unit. */
  z.object({ mode: z.literal('stratified'), column: z.string().min(1), fraction, seed, keyColumns }).strict(),
]);

export type SampleParams = z.infer<typeof params>;

/** The row key a seeded draw hashes: the chosen key columns, or every column. */
function rowKey(input: Relation, keys: readonly string[]): string {
  return stableRowKey(keys.length > 0 ? requireColumns(input, keys) : input.columns);
}

/**
 * A seeded sample of rows. It draws exactly as the split block does, so a fraction sample with a seed keeps the same
 * rows as a randomized split's first output with that seed and fraction, and likewise for stratified.
 */
export const sampleBlock = defineBlock({
  kind: 'sample',
  family: 'split',
  title: 'Sample',
  description: 'Keeps a seeded sample of rows: a fraction, an exact number, a fraction per group, or simply the first rows.',
  params,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  // The first rows of a joined relation are whichever rows the join gave first.
  variesBetweenReads: (p) => p.mode === 'first',
  compile({ params: p, inputs }) {
    const input = inputs.in;
    switch (p.mode) {
      case 'first':
        return { select: `SELECT * FROM ${input.ref} LIMIT ${p.rows}` };
      case 'fraction': {
        const unit = seededUnit(p.seed, rowKey(input, p.keyColumns));
        // A unit is below 1 in exact arithmetic, but the division may round the largest to 1.0.
        return { select: p.fraction >= 1 ? `SELECT * FROM ${input.ref}` : `SELECT * FROM ${input.ref} WHERE ${unit} < ${p.fraction}` };
      }
      case 'rows': {
        const unit = seededUnit(p.seed, rowKey(input, p.keyColumns));
        // Rows sharing a key share a unit; every column breaks that tie, so the same rows are kept every run.
        return { select: `SELECT * FROM ${input.ref} ORDER BY ${unit}, ${identList(columnNames(input))} LIMIT ${p.rows}` };
      }
      case 'stratified': {
        requireColumn(input, p.column);
        const key = rowKey(input, p.keyColumns);
        const position = stratifiedPosition(p.column, seededUnit(p.seed, key), key);
        return { select: `SELECT * FROM ${input.ref} QUALIFY ${position} < ${p.fraction}` };
      }
      default:
        return assertNever(p);
    }
  },
});
