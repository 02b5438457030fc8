import { z } from 'zod';
import { assertNever } from '../../assert-never';
import { fail, WrangleError } from '../../errors/catalog';
import type { SqlValue } from '../../sql/sql-runner';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { ColumnNameSet, isNumericType, requireColumns } from '../columns';
import { finiteValue, momentAggregates, moments, onePass, twoPassQuery, type TwoPassStats } from '../exact-stats';
import { defineBlock, SINGLE_IN, SINGLE_OUT, type Column, type Relation } from '../contract';

export const missingStrategies = ['constant', 'mean', 'median', 'mode', 'drop-rows'] as const;
type Strategy = (typeof missingStrategies)[number];

const params = z
  .object({
    columns: z.array(z.string().min(1)).min(1),
    /**
     * How a missing value (NULL, or NaN in a floating-point column) is handled: filled with `value`, with the
     * column's mean, median or most frequent value (ties: the smallest), or its row is dropped. Mean and median fill
     * an integer or decimal column as DOUBLE; every other fill keeps the column's type.
     */
    strategy: z.enum(missingStrategies).default('mode'),
    /** The fill value for `constant`, converted to the column's type. */
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    /** Adds a 0/1 column `<column>_missing` after each column, marking the rows that were missing. */
    indicator: z.boolean().default(false),
  })
  .strict();

type MissingParams = z.infer<typeof params>;

const fitted = z
  .object({
    /** The learned fill value per column (for mean, median and mode); NULL when the column has no values at all. */
    values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  })
  .strict();

export type MissingFitted = z.infer<typeof fitted>;

/** A type name from DESCRIBE that is safe to write into a CAST: no quotes, brackets or other punctuation. */
const PLAIN_TYPE = /^[A-Z0-9_(), ]+$/i;
const FLOATING = /^(FLOAT|REAL|DOUBLE)$/i;

const isFitted = (s: Strategy) => s === 'mean' || s === 'median' || s === 'mode';
const needsNumbers = (s: Strategy) => s === 'mean' || s === 'median';

/** Checks the columns exist, are named once and suit the strategy; returns them. */
function checkColumns(input: Relation, p: MissingParams): Column[] {
  const cols = requireColumns(input, p.columns);
  const dup = p.columns.find((c, i) => p.columns.indexOf(c) !== i);
  if (dup !== undefined) fail('E_PARAMS_INVALID', { path: 'columns', detail: `"${dup}" is listed twice` });
  for (const c of cols) {
    if (needsNumbers(p.strategy) && !isNumericType(c.type)) {
      fail('E_PARAMS_INVALID', { path: 'strategy', detail: `${p.strategy} needs a numeric column; "${c.name}" is ${c.type}` });
    }
    if (p.strategy !== 'drop-rows' && !PLAIN_TYPE.test(c.type)) {
      fail('E_PARAMS_INVALID', { path: 'columns', detail: `cannot fill "${c.name}": values of type ${c.type} are not supported` });
    }
  }
  if (p.strategy === 'constant' && p.value === undefined) fail('E_PARAMS_INVALID', { path: 'value', detail: 'constant needs a value' });
  return cols;
}

/** SQL true where the column's value is missing. */
function missingCondition(col: Column): string {
  const c = quoteIdent(col.name);
  return FLOATING.test(col.type) ? `(${c} IS NULL OR isnan(${c}))` : `${c} IS NULL`;
}

/** The most frequent value; on a tie the smallest, so the answer does not depend on row order. */
function modeAggregate(col: Column): string {
  const c = quoteIdent(col.name);
  const counts = FLOATING.test(col.type) ? `histogram(${c}) FILTER (WHERE NOT isnan(${c}))` : `histogram(${c})`;
  // struct_extract rather than entry.key: a dotted name could bind to an input column called "entry".
  const entry = `lambda entry: {n: -CAST(struct_extract(entry, 'value') AS BIGINT), v: struct_extract(entry, 'key')}`;
  const best = `struct_extract(list_sort(list_transform(map_entries(${counts}), ${entry}))[1], 'v')`;
  // Numbers come back as numbers; anything else as the text that CAST reads back exactly.
  return isNumericType(col.type) ? best : `CAST(${best} AS VARCHAR)`;
}

function fillAggregates(strategy: Strategy, col: Column, key: string): TwoPassStats {
  switch (strategy) {
    case 'mean':
      return momentAggregates(key, finiteValue(col.name));
    case 'median':
      return onePass([`median(${finiteValue(col.name)}) AS median_${key}`]);
    case 'mode':
      return onePass([`${modeAggregate(col)} AS mode_${key}`]);
    case 'constant':
    case 'drop-rows':
      return onePass([]);
    default:
      return assertNever(strategy);
  }
}

/** A fitted value as JSON can hold it: a finite number, or text (big integers, infinities, dates, booleans). */
function storable(v: SqlValue | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' && Number.isFinite(v) ? v : String(v);
}

/** The filled column's SQL: the column, or the fill where it is missing, in the output type. */
function filled(col: Column, p: MissingParams, f: MissingFitted | undefined): string {
  const c = quoteIdent(col.name);
  const outType = needsNumbers(p.strategy) && !FLOATING.test(col.type) ? 'DOUBLE' : col.type;
  let value: string | number | boolean | null;
  if (p.strategy === 'constant') value = p.value ?? null;
  else {
    const values = f?.values ?? fail('E_NOT_FITTED', { what: `${p.strategy} values` });
    value = Object.hasOwn(values, col.name) ? values[col.name]! : fail('E_NOT_FITTED', { what: `the ${p.strategy} of "${col.name}"` });
  }
  // Through text, so that a number reads back exactly and every fill value takes the column's own type.
  const fill = `CAST(${value === null ? 'NULL' : quoteLiteral(String(value))} AS ${outType})`;
  const kept = outType === col.type ? c : `CAST(${c} AS ${outType})`;
  return `CASE WHEN ${missingCondition(col)} THEN ${fill} ELSE ${kept} END`;
}

export const missingBlock = defineBlock({
  kind: 'missing',
  family: 'clean',
  title: 'Handle missing',
  description: 'Fills missing values (NULL, NaN) with a constant, the mean, median or mode, or drops the rows that have them.',
  params,
  fitted,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  async fit({ params: p, inputs, query }) {
    const input = inputs.in;
    const cols = checkColumns(input, p);
    if (!isFitted(p.strategy)) return { values: {} };
    const parts = cols.map((c, i) => fillAggregates(p.strategy, c, String(i)));
    const row = (await query(twoPassQuery(input.ref, parts)))[0] ?? {};
    const valueOf = (key: string): string | number | null =>
      p.strategy === 'mean' ? moments(row, key).mean : storable(row[`${p.strategy}_${key}`]);
    return { values: Object.fromEntries(cols.map((c, i) => [c.name, valueOf(String(i))])) };
  },
  compile({ params: p, inputs, fitted: f }) {
    const input = inputs.in;
    const cols = checkColumns(input, p);
    const chosen = new Map(cols.map((c) => [c.name, c]));
    const taken = ColumnNameSet.of(input);
    const out: string[] = [];
    for (const col of input.columns) {
      const target = chosen.get(col.name);
      out.push(target && p.strategy !== 'drop-rows' ? `${filled(target, p, f)} AS ${quoteIdent(col.name)}` : quoteIdent(col.name));
      if (target && p.indicator) {
        const name = taken.add(`${col.name}_missing`, `It would be the indicator column of "${col.name}".`);
        out.push(`CAST(${missingCondition(target)} AS INTEGER) AS ${quoteIdent(name)}`);
      }
    }
    const where = p.strategy === 'drop-rows' ? ` WHERE ${cols.map((c) => `NOT (${missingCondition(c)})`).join(' AND ')}` : '';
    return { select: `SELECT ${out.join(', ')} FROM ${input.ref}${where}` };
  },
  explainError(message, p) {
    if (p.strategy !== 'constant' || !/^Conversion Error/i.test(message)) return undefined;
    return new WrangleError('E_PARAMS_INVALID', { path: 'value', detail: `${JSON.stringify(p.value)} does not fit the column's type (${message.split('\n')[0]})` });
  },
});
