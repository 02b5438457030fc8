import { z } from 'zod';
import { assertNever } from '../../assert-never';
import { fail } from '../../errors/catalog';
import type { SqlRow } from '../../sql/sql-runner';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { ColumnNameSet, isNumericType, requireColumns } from '../columns';
import { finiteValue, momentAggregates, moments, onePass, twoPassQuery, type TwoPassStats } from '../exact-stats';
import { defineBlock, SINGLE_IN, SINGLE_OUT, type Relation } from '../contract';

export const scaleMethods = ['standard', 'min-max', 'robust', 'max-abs'] as const;
type ScaleMethod = (typeof scaleMethods)[number];

const params = z
  .object({
    columns: z.array(z.string().min(1)).min(1),
    /**
     * `standard`: (x - mean) / sample stddev. `min-max`: into [0, 1]. `robust`: (x - median) / interquartile range.
     * `max-abs`: into [-1, 1], keeping zero at zero.
     */
    method: z.enum(scaleMethods).default('standard'),
    /** Writes `<column><suffix>` at the end instead of replacing each column in place. */
    outputSuffix: z.string().min(1).optional(),
  })
  .strict();

type ScaleParams = z.infer<typeof params>;

const fitted = z
  .object({
    /** Per column: the output is `(x - center) / scale`. */
    stats: z.record(z.string(), z.object({ center: z.number(), scale: z.number() }).strict()),
  })
  .strict();

export type ScaleFitted = z.infer<typeof fitted>;

/** Checks the columns exist, are numeric and are named once. */
function checkColumns(input: Relation, p: ScaleParams): void {
  const cols = requireColumns(input, p.columns);
  const dup = p.columns.find((c, i) => p.columns.indexOf(c) !== i);
  if (dup !== undefined) fail('E_PARAMS_INVALID', { path: 'columns', detail: `"${dup}" is listed twice` });
  const text = cols.find((c) => !isNumericType(c.type));
  if (text) fail('E_PARAMS_INVALID', { path: 'columns', detail: `scaling needs numeric columns; "${text.name}" is ${text.type}` });
}

/** The aggregates one column needs, keyed by its position, so no user-chosen name appears in an alias. */
function columnStats(method: ScaleMethod, key: string, value: string): TwoPassStats {
  switch (method) {
    case 'standard':
      return momentAggregates(key, value);
    case 'min-max':
      return onePass([`min(${value}) AS center_${key}`, `max(${value}) - min(${value}) AS scale_${key}`]);
    case 'robust':
      // Order statistics: no summation, so they are the same on every run without further care.
      return onePass([`quantile_cont(${value}, 0.5) AS center_${key}`, `quantile_cont(${value}, 0.75) - quantile_cont(${value}, 0.25) AS scale_${key}`]);
    case 'max-abs':
      return onePass([`0 AS center_${key}`, `max(abs(${value})) AS scale_${key}`]);
    default:
      return assertNever(method);
  }
}

function centerAndScale(method: ScaleMethod, row: SqlRow, key: string): { center: number; scale: number } {
  const m = method === 'standard' ? moments(row, key) : undefined;
  const center = Number((m ? m.mean : row[`center_${key}`]) ?? 0);
  const scale = Number((m ? m.stddev : row[`scale_${key}`]) ?? 0);
  // A constant (or empty) column has no spread: dividing by 1 maps it to 0 instead of dividing by zero.
  return { center, scale: scale > 0 && Number.isFinite(scale) ? scale : 1 };
}

/** A DOUBLE literal that reads back as exactly this number (a bare `0.1` would be a DECIMAL literal). */
function doubleLiteral(n: number): string {
  return `CAST(${quoteLiteral(String(n))} AS DOUBLE)`;
}

export const scaleBlock = defineBlock({
  kind: 'scale',
  family: 'transform',
  title: 'Scale values',
  description: 'Standardises or rescales numeric columns with statistics learned from the data (mean and stddev, min and max, ...).',
  params,
  fitted,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  rowIdentity: 'keeps',
  async fit({ params: p, inputs, query }) {
    const input = inputs.in;
    checkColumns(input, p);
    const parts = p.columns.map((c, i) => columnStats(p.method, String(i), finiteValue(c)));
    const row = (await query(twoPassQuery(input.ref, parts)))[0] ?? {};
    return { stats: Object.fromEntries(p.columns.map((c, i) => [c, centerAndScale(p.method, row, String(i))])) };
  },
  compile({ params: p, inputs, fitted: f }) {
    const input = inputs.in;
    checkColumns(input, p);
    const stats = f?.stats ?? fail('E_NOT_FITTED', { what: 'scaler statistics' });
    const scaled = p.columns.map((c) => {
      const s = stats[c] ?? fail('E_NOT_FITTED', { what: `statistics for "${c}"` });
      const expr = `(CAST(${quoteIdent(c)} AS DOUBLE) - ${doubleLiteral(s.center)}) / ${doubleLiteral(s.scale)}`;
      return { name: p.outputSuffix === undefined ? c : `${c}${p.outputSuffix}`, expr };
    });
    if (p.outputSuffix === undefined) {
      const replace = scaled.map((s) => `${s.expr} AS ${quoteIdent(s.name)}`).join(', ');
      return { select: `SELECT * REPLACE (${replace}) FROM ${input.ref}` };
    }
    const taken = ColumnNameSet.of(input);
    for (const [i, s] of scaled.entries()) taken.add(s.name, `It would be the scaled copy of "${p.columns[i]}".`);
    return { select: `SELECT *, ${scaled.map((s) => `${s.expr} AS ${quoteIdent(s.name)}`).join(', ')} FROM ${input.ref}` };
  },
});
