import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { userExpression } from '../../sql/expression-guard';
import { explainUserSqlError } from '../../sql/expression-errors';
import { caretOffset } from '../../sql/error-location';
import { identList, quoteIdent } from '../../sql/quote';
import { ColumnNameSet, isNumericType, requireColumn, requireColumns } from '../columns';
import { identityColumn } from '../row-identity';
import { defineBlock, SINGLE_IN, SINGLE_OUT, type Column } from '../contract';

export const aggregateFunctions = [
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'median',
  'stddev',
  'variance',
  'mode',
  'first',
] as const;

const aggregation = z
  .object({
    /** The column to aggregate; `*` with `count` counts rows. */
    column: z.string().min(1),
    fn: z.enum(aggregateFunctions),
    /** Output name; default `<column>_<fn>`. */
    as: z.string().min(1).optional(),
  })
  .strict();

const params = z
  .object({
    groupBy: z.array(z.string().min(1)).default([]),
    aggregations: z.array(aggregation).min(1),
    /** Only rows where this SQL condition holds are aggregated, e.g. `Rating = 5`. */
    filter: z.string().optional(),
  })
  .strict();

type Aggregation = z.infer<typeof aggregation>;

/** The output column's name: `as`, or `<column>_<fn>` (`rows_count` for a row count). */
export function aggregationName(a: Aggregation): string {
  return a.as ?? `${a.column === '*' ? 'rows' : a.column}_${a.fn}`;
}

/**
 * Floating-point sums depend on the order rows arrive in, which parallel execution does not fix. Summing as
 * DECIMAL(38,12) is exact integer arithmetic, so the same data gives the same bits on every run and in every engine.
 */
function exactNumeric(col: Column): string {
  const c = quoteIdent(col.name);
  return /^(FLOAT|REAL|DOUBLE)$/i.test(col.type) ? `CAST(${c} AS DECIMAL(38,12))` : c;
}

function aggregateExpr(a: Aggregation, col: Column | undefined): string {
  const c = col ? quoteIdent(col.name) : '*';
  switch (a.fn) {
    case 'count':
      return `count(${c})`;
    case 'count_distinct':
      return `count(DISTINCT ${c})`;
    case 'sum':
    case 'avg':
      if (!col || !isNumericType(col.type)) fail('E_PARAMS_INVALID', { path: `aggregations`, detail: `${a.fn} needs a numeric column, "${a.column}" is ${col?.type ?? 'missing'}` });
      return `CAST(${a.fn}(${exactNumeric(col)}) AS DOUBLE)`;
    case 'min':
    case 'max':
    case 'median':
      return `${a.fn}(${c})`;
    // These three depend on the order rows arrive in (float accumulation; mode's pick among ties), which parallel
    // execution does not fix. An ordered aggregate feeds each group's values sorted, so every run gives the same bits
    // and a tied mode is always the smallest value. It costs a sort per group.
    case 'mode':
      return `mode(${c} ORDER BY ${c})`;
    case 'stddev':
      return `stddev_samp(${c} ORDER BY ${c})`;
    case 'variance':
      return `var_samp(${c} ORDER BY ${c})`;
    case 'first':
      // Smallest value rather than an arbitrary row's, so the result does not depend on row order.
      return `min(${c})`;
  }
}

/**
 * Each group is one output row, so its keys are an identity (row-identity.ts): copies of them, and the groups they
 * copy; the one row of no groups is row 0. Groups are few beside rows, so a join puts the other side's identity first.
 */
function groupIdentity(groupBy: string[]) {
  if (groupBy.length === 0) return { columns: [`0 AS ${quoteIdent(identityColumn(0))}`], facts: { identityRows: 0 } };
  const columns = groupBy.map((k, i) => `${quoteIdent(k)} AS ${quoteIdent(identityColumn(i))}`);
  return { columns, facts: { identityRows: 0, identityGroups: groupBy } };
}

/** The filter's text as the executor checks it and errors underline it; none when it is blank. */
const filterOf = (p: { filter?: string | undefined }) => (p.filter?.trim() ? userExpression(p.filter, 'Aggregate filter', 'filter') : undefined);

export const aggregateBlock = defineBlock({
  kind: 'aggregate',
  family: 'transform',
  title: 'Aggregate',
  description: 'Groups rows and computes aggregations, optionally over only the rows matching a condition.',
  params,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  rowIdentity: 'makes',
  compile({ params: p, inputs }) {
    const input = inputs.in;
    requireColumns(input, p.groupBy);
    const outputs = p.aggregations.map((a) => {
      const col = a.column === '*' && a.fn === 'count' ? undefined : requireColumn(input, a.column);
      return `${aggregateExpr(a, col)} AS ${quoteIdent(aggregationName(a))}`;
    });
    const names = new ColumnNameSet();
    for (const key of p.groupBy) names.add(key, 'It is a group-by column.');
    for (const a of p.aggregations) names.add(aggregationName(a), `It would be the output of ${a.fn}(${a.column}).`);
    const filter = filterOf(p);
    const where = filter ? ` WHERE ${filter.sql}` : '';
    const keys = p.groupBy.length > 0 ? identList(p.groupBy) : '';
    const identity = input.identity ? groupIdentity(p.groupBy) : { columns: [], facts: {} };
    const select = `SELECT ${[keys, ...outputs, ...identity.columns].filter(Boolean).join(', ')} FROM ${input.ref}${where}${keys ? ` GROUP BY ${keys}` : ''}`;
    return { select, ...(filter ? { userSql: [filter.check] } : {}), ...identity.facts };
  },
  // Only an error DuckDB points into the filter's text is about the filter: the other parts are checked in compile.
  explainError(message, p, inputs) {
    const filter = filterOf(p);
    return filter && caretOffset(message, filter.check.text) !== undefined ? explainUserSqlError(message, filter.check, inputs) : undefined;
  },
});
