import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { identList, quoteIdent, quoteLiteral } from '../../sql/quote';
import { seededUnit, stableRowKey, stratifiedPosition } from '../../sql/seeded';
import { ColumnNameSet, columnNames, requireColumn, requireColumns } from '../columns';
import { defineBlock, SINGLE_IN, type Compiled, type Relation } from '../contract';

const portName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,31}$/, 'letters, digits, _ and - only');

const params = z
  .object({
    method: z.enum(['randomized', 'ordered', 'stratified', 'key', 'leave-last-out']).default('randomized'),
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
    /** Ordered: the sort; the first rows go to the first output. Leave-last-out: the time order within each group. */
    orderBy: z.array(z.object({ column: z.string(), descending: z.boolean().default(false) }).strict()).default([]),
    /** Stratified: each value of this column is split in the same proportions. */
    stratifyColumn: z.string().optional(),
    /** Leave-last-out: the column whose groups (users) each give their last row to the second output. */
    groupColumn: z.string().optional(),
  })
  .strict();

export type SplitParams = z.infer<typeof params>;

/**
 * The internal columns: the chosen output (dropped from every output) and a stratified split's random unit. Names no
 * input column has, as DuckDB compares them, so neither can be confused with one of the data's columns.
 */
function helperColumns(input: Relation): { part: string; unit: string } {
  const taken = ColumnNameSet.of(input);
  return { part: taken.unused('__wrangle_part'), unit: taken.unused('__wrangle_u') };
}

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
  // Leave-last-out sends whole rows by position, not by share: its fractions are not used.
  if (p.method !== 'leave-last-out' && Math.abs(sum - 1) > 1e-9) fail('E_SPLIT_FRACTIONS', { sum: Number(sum.toFixed(6)) });
  if (p.method === 'leave-last-out' && p.outputs.length !== 2) {
    fail('E_PARAMS_INVALID', { path: 'outputs', detail: 'leave-last-out needs exactly 2 outputs: the rest, then the last rows' });
  }
  const names = new Set(p.outputs.map((o) => o.name));
  if (names.size !== p.outputs.length) fail('E_PARAMS_INVALID', { path: 'outputs', detail: 'output names must be different' });
}

/** Each output port reads the rows of the main result tagged with its name. */
function outputViews(p: SplitParams, part: string) {
  return (main: string) =>
    Object.fromEntries(
      p.outputs.map((o) => [o.name, `SELECT * EXCLUDE (${quoteIdent(part)}) FROM ${main} WHERE ${quoteIdent(part)} = ${quoteLiteral(o.name)}`]),
    );
}

/**
 * The last row of each group, by the sort, goes to the second output and the rest to the first. A group of one row
 * keeps it in the first output, so a model trained there still knows that user. Ties in the sort are broken by the
 * stable row key, so the same data always leaves out the same rows.
 */
function leaveLastOut(p: SplitParams, input: Relation, part: string): Compiled {
  const group = p.groupColumn || fail('E_PARAMS_INVALID', { path: 'groupColumn', detail: 'leave-last-out needs the column of the groups (the user)' });
  const g = quoteIdent(requireColumn(input, group).name);
  if (p.orderBy.length === 0) fail('E_PARAMS_INVALID', { path: 'orderBy', detail: 'leave-last-out needs a sort column (the time order)' });
  // The sort read backwards, NULL placement included, so that the first row here is the last row of the sort.
  const backwards = p.orderBy.map(
    (o) => `${quoteIdent(requireColumn(input, o.column).name)} ${o.descending ? 'ASC NULLS FIRST' : 'DESC NULLS FIRST'}`,
  );
  const lastFirst = [...backwards, `${stableRowKey(input.columns)} DESC`].join(', ');
  const [rest, last] = p.outputs.map((o) => quoteLiteral(o.name));
  const isLast = `row_number() OVER (PARTITION BY ${g} ORDER BY ${lastFirst}) = 1 AND count(*) OVER (PARTITION BY ${g}) > 1`;
  return { select: `SELECT *, CASE WHEN ${isLast} THEN ${last} ELSE ${rest} END AS ${quoteIdent(part)} FROM ${input.ref}`, outputs: outputViews(p, part) };
}

export const splitBlock = defineBlock({
  kind: 'split',
  family: 'split',
  title: 'Split',
  description: 'Splits rows into 2–3 named outputs by fraction (randomized, ordered, stratified or by key, always seeded), or leaves each group\'s last row out.',
  params,
  inputs: () => SINGLE_IN,
  outputs: (p) => p.outputs.map((o) => o.name),
  // A randomized or key split decides each row by its own seeded unit; the others rank rows against each other.
  portsPerRow: (p) => p.method === 'randomized' || p.method === 'key',
  rowIdentity: 'keeps',
  compile({ params: p, inputs }) {
    checkSplitParams(p);
    const input = inputs.in;
    const all = columnNames(input);
    const helpers = helperColumns(input);
    if (p.method === 'leave-last-out') return leaveLastOut(p, input, helpers.part);
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
      pos = stratifiedPosition(strat, quoteIdent(helpers.unit), rowKey);
    }
    const inner =
      p.method === 'stratified' ? `(SELECT *, ${unit} AS ${quoteIdent(helpers.unit)} FROM ${input.ref})` : input.ref;
    const exclude = p.method === 'stratified' ? ` EXCLUDE (${quoteIdent(helpers.unit)})` : '';
    const select = `SELECT *${exclude}, ${partCase(pos, p.outputs)} AS ${quoteIdent(helpers.part)} FROM ${inner}`;
    return { select, outputs: outputViews(p, helpers.part) };
  },
});
