import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { identList, quoteIdent, quoteLiteral } from '../../sql/quote';
import { seededUnit, stableRowKey, stratifiedPosition } from '../../sql/seeded';
import { columnNames, requireColumn, requireColumns } from '../columns';
import { defineBlock, SINGLE_IN } from '../types';

const portName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,31}$/, 'letters, digits, _ and - only');

const params = z
  .object({
    method: z.enum(['randomized', 'ordered', 'stratified', 'key']).default('randomized'),
    outputs: z
      .array(z.object({ name: portName, fraction: z.number().gt(0).lt(1) }).strict())
      .min(2)
      .max(3)
      .default([
        { name: 'train', fraction: 0.8 },
        { name: 'test', fraction: 0.2 },
      ]),
    seed: z.number().int().default(42),
    /**
     * Columns that identify a row. Randomized: the row's key (default: every column, by its text form).
     * Key: rows sharing these values land in the same output.
     */
    keyColumns: z.array(z.string()).default([]),
    /** Ordered: the sort; the first rows go to the first output. */
    orderBy: z.array(z.object({ column: z.string(), descending: z.boolean().default(false) }).strict()).default([]),
    /** Stratified: each value of this column is split in the same proportions. */
    stratifyColumn: z.string().optional(),
  })
  .strict();

export type SplitParams = z.infer<typeof params>;

/** The internal column that carries the chosen output; dropped from every output. */
export const PART_COLUMN = '__wrangle_part';
const UNIT_COLUMN = '__wrangle_u';

/** `CASE WHEN pos < t1 THEN 'a' WHEN pos < t2 THEN 'b' ELSE 'c' END` from cumulative fractions. */
function partCase(pos: string, outputs: SplitParams['outputs']): string {
  let cumulative = 0;
  const whens = outputs.slice(0, -1).map((o) => {
    cumulative += o.fraction;
    return `WHEN ${pos} < ${cumulative} THEN ${quoteLiteral(o.name)}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${quoteLiteral(outputs[outputs.length - 1]!.name)} END`;
}

export function checkSplitParams(p: SplitParams): void {
  const sum = p.outputs.reduce((s, o) => s + o.fraction, 0);
  if (Math.abs(sum - 1) > 1e-9) fail('E_SPLIT_FRACTIONS', { sum: Number(sum.toFixed(6)) });
  const names = new Set(p.outputs.map((o) => o.name));
  if (names.size !== p.outputs.length) fail('E_PARAMS_INVALID', { path: 'outputs', detail: 'output names must be different' });
}

export const splitBlock = defineBlock({
  kind: 'split',
  family: 'split',
  title: 'Split',
  description: 'Splits rows into 2–3 named outputs by fraction: randomized, ordered, stratified or by key, always seeded.',
  params,
  inputs: () => SINGLE_IN,
  outputs: (p) => p.outputs.map((o) => o.name),
  compile({ params: p, inputs }) {
    checkSplitParams(p);
    const input = inputs.in!;
    const all = columnNames(input);
    const keyColumns = requireColumns(input, p.keyColumns);
    const rowKey = stableRowKey(keyColumns.length > 0 ? keyColumns : input.columns);
    const unit = seededUnit(p.seed, rowKey);
    let pos: string;
    if (p.method === 'randomized' || p.method === 'key') {
      if (p.method === 'key' && p.keyColumns.length === 0) {
        fail('E_PARAMS_INVALID', { path: 'keyColumns', detail: 'a split by key needs key columns' });
      }
      pos = unit;
    } else if (p.method === 'ordered') {
      if (p.orderBy.length === 0) fail('E_PARAMS_INVALID', { path: 'orderBy', detail: 'an ordered split needs a sort column' });
      const order = p.orderBy.map((o) => `${quoteIdent(requireColumn(input, o.column).name)}${o.descending ? ' DESC' : ''}`);
      // Ties are broken by every column, so the same data always splits the same way.
      pos = `(row_number() OVER (ORDER BY ${[...order, identList(all)].join(', ')}) - 1) / count(*) OVER ()`;
    } else {
      const strat = p.stratifyColumn ?? fail('E_PARAMS_INVALID', { path: 'stratifyColumn', detail: 'a stratified split needs a column' });
      requireColumn(input, strat);
      pos = stratifiedPosition(strat, UNIT_COLUMN, rowKey);
    }
    const inner =
      p.method === 'stratified' ? `(SELECT *, ${unit} AS ${UNIT_COLUMN} FROM ${input.ref})` : input.ref;
    const exclude = p.method === 'stratified' ? ` EXCLUDE (${UNIT_COLUMN})` : '';
    const select = `SELECT *${exclude}, ${partCase(pos, p.outputs)} AS ${quoteIdent(PART_COLUMN)} FROM ${inner}`;
    return {
      select,
      outputs: (main) =>
        Object.fromEntries(
          p.outputs.map((o) => [
            o.name,
            `SELECT * EXCLUDE (${quoteIdent(PART_COLUMN)}) FROM ${main} WHERE ${quoteIdent(PART_COLUMN)} = ${quoteLiteral(o.name)}`,
          ]),
        ),
    };
  },
});
