import { z } from 'zod';
import { assertNever } from '../../assert-never';
import { fail } from '../../errors/catalog';
import { quoteIdent } from '../../sql/quote';
import { castType } from '../../sql/types';
import { ColumnNameSet, requireColumn } from '../columns';
import { carriedIdentity } from '../row-identity';
import { defineBlock, SINGLE_IN, SINGLE_OUT, type Column, type Relation } from '../contract';
import { manageColumnsWords } from './words';

const names = z.array(z.string().min(1)).min(1);

const operation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('drop'), columns: names }).strict(),
  z.object({ op: z.literal('keep'), columns: names }).strict(),
  z.object({ op: z.literal('rename'), from: z.string().min(1), to: z.string().min(1) }).strict(),
  z
    .object({
      op: z.literal('move'),
      columns: names,
      to: z.enum(['start', 'end', 'index', 'before', 'after']),
      index: z.number().int().min(0).optional(),
      anchor: z.string().optional(),
    })
    .strict(),
  z.object({ op: z.literal('duplicate'), column: z.string().min(1), as: z.string().min(1) }).strict(),
  z.object({ op: z.literal('cast'), columns: names, type: castType, onError: z.enum(['fail', 'null']).default('fail') }).strict(),
]);

const params = z.object({ operations: z.array(operation).min(1) }).strict();

export type ColumnOperation = z.infer<typeof operation>;

/** A column of the output under construction: its name, its type, and the SQL that computes it. */
export interface OutColumn extends Column {
  expr: string;
}

function find(cols: OutColumn[], name: string, rel: Relation, step: number): number {
  const i = cols.findIndex((c) => c.name === name);
  if (i < 0) {
    const asRelation: Relation = { ref: rel.ref, columns: cols.map((c) => ({ name: c.name, type: '' })) };
    requireColumn(asRelation, name, `the columns at step ${step + 1}`);
  }
  return i;
}

/** A new name must differ from every other column's as DuckDB compares them (`b` and `B` clash); `except` is the renamed one. */
function addUnique(cols: OutColumn[], name: string, except = -1): void {
  new ColumnNameSet(cols.filter((_, i) => i !== except).map((c) => c.name)).add(name);
}

function applyMove(cols: OutColumn[], op: Extract<ColumnOperation, { op: 'move' }>, rel: Relation, step: number): OutColumn[] {
  const moving = op.columns.map((n) => cols[find(cols, n, rel, step)]!);
  const rest = cols.filter((c) => !op.columns.includes(c.name));
  let at: number;
  if (op.to === 'start') at = 0;
  else if (op.to === 'end') at = rest.length;
  else if (op.to === 'index') at = Math.min(op.index ?? 0, rest.length);
  else {
    const anchor = op.anchor ?? fail('E_PARAMS_INVALID', { path: `operations.${step}.anchor`, detail: `"${op.to}" needs an anchor column` });
    const i = find(rest, anchor, rel, step);
    at = op.to === 'before' ? i : i + 1;
  }
  return [...rest.slice(0, at), ...moving, ...rest.slice(at)];
}

/** Applies the operations in order to the input's columns. */
export function applyColumnOperations(rel: Relation, ops: readonly ColumnOperation[]): OutColumn[] {
  let cols: OutColumn[] = rel.columns.map((c) => ({ name: c.name, type: c.type, expr: quoteIdent(c.name) }));
  ops.forEach((op, step) => {
    switch (op.op) {
      case 'drop':
        op.columns.forEach((n) => find(cols, n, rel, step));
        cols = cols.filter((c) => !op.columns.includes(c.name));
        break;
      case 'keep':
        cols = op.columns.map((n) => cols[find(cols, n, rel, step)]!);
        break;
      case 'rename': {
        const i = find(cols, op.from, rel, step);
        addUnique(cols, op.to, i);
        cols[i] = { ...cols[i]!, name: op.to };
        break;
      }
      case 'move':
        cols = applyMove(cols, op, rel, step);
        break;
      case 'duplicate': {
        const i = find(cols, op.column, rel, step);
        addUnique(cols, op.as);
        cols.splice(i + 1, 0, { ...cols[i]!, name: op.as });
        break;
      }
      case 'cast':
        for (const n of op.columns) {
          const i = find(cols, n, rel, step);
          const fn = op.onError === 'null' ? 'TRY_CAST' : 'CAST';
          cols[i] = { name: n, type: op.type, expr: `${fn}(${cols[i]!.expr} AS ${op.type})` };
        }
        break;
      default:
        assertNever(op);
    }
  });
  if (cols.length === 0) fail('E_PARAMS_INVALID', { path: 'operations', detail: 'no columns would be left' });
  return cols;
}

export const manageColumnsBlock = defineBlock({
  kind: 'manage-columns',
  family: 'transform',
  title: 'Manage columns',
  description: 'Drops, keeps, renames, moves, duplicates or casts columns, as a list of steps.',
  params,
  paramWords: manageColumnsWords,
  inputs: () => SINGLE_IN,
  outputs: () => SINGLE_OUT,
  rowIdentity: 'keeps',
  compile({ params: p, inputs }) {
    const input = inputs.in;
    const cols = applyColumnOperations(input, p.operations);
    const list = [...cols.map((c) => `${c.expr} AS ${quoteIdent(c.name)}`), ...carriedIdentity(input)];
    return { select: `SELECT ${list.join(', ')} FROM ${input.ref}` };
  },
});
