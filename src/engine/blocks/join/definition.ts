import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { quoteIdent } from '../../sql/quote';
import { columnKey, ColumnNameSet, columnNames, requireJoinKey } from '../columns';
import { defineBlock, SINGLE_OUT, type Relation } from '../contract';
import { wordsByPattern } from '../param-words';

const params = z
  .object({
    type: z.enum(['inner', 'left', 'right', 'full', 'semi', 'anti', 'cross']).default('inner'),
    keys: z.array(z.object({ left: z.string().min(1), right: z.string().min(1) }).strict()).default([]),
  })
  .strict();

/**
 * Output names as Data Wrangler gives them: left columns then right columns, and a name found on both sides becomes
 * `<name>_0` on the left and `<name>_1` on the right (the keys too).
 */
export function joinedColumnNames(left: readonly string[], right: readonly string[]): { left: string[]; right: string[] } {
  // Names are compared as DuckDB compares them: `a` on one side and `A` on the other are the same name.
  const inLeft = new Set(left.map(columnKey));
  const inRight = new Set(right.map(columnKey));
  const out = {
    left: left.map((n) => (inRight.has(columnKey(n)) ? `${n}_0` : n)),
    right: right.map((n) => (inLeft.has(columnKey(n)) ? `${n}_1` : n)),
  };
  // A suffixed name can still meet another column: `a` and `a_0` on the left beside `A` on the right.
  const taken = new ColumnNameSet();
  for (const n of out.left) taken.add(n, 'It is a column of the left input, after suffixing the names both inputs have.');
  for (const n of out.right) taken.add(n, 'It is a column of the right input, after suffixing the names both inputs have.');
  return out;
}

function projection(alias: string, rel: Relation, names: string[]): string[] {
  return columnNames(rel).map((n, i) => `${alias}.${quoteIdent(n)} AS ${quoteIdent(names[i]!)}`);
}

export const joinBlock = defineBlock({
  kind: 'join',
  family: 'combine',
  title: 'Join',
  description: 'Joins two inputs on one or more key pairs (inner, left, right, full, semi, anti or cross).',
  params,
  paramWords: wordsByPattern({
    type: { label: 'Join type', holds: 'choice' },
    'keys.*.left': { label: 'Left key', holds: 'column', empty: 'Choose the column of the left input to join on' },
    'keys.*.right': { label: 'Right key', holds: 'column', empty: 'Choose the column of the right input to join on' },
  }),
  inputs: () => ['left', 'right'],
  outputs: () => SINGLE_OUT,
  compile({ params: p, inputs }) {
    const left = inputs.left;
    const right = inputs.right;
    if (p.type !== 'cross' && p.keys.length === 0) {
      fail('E_PARAMS_INVALID', { path: 'keys', detail: `a ${p.type} join needs at least one key pair` });
    }
    const on = p.keys
      .map((k, i) => {
        requireJoinKey(left, k.left, 'left', `keys.${i}.left`);
        requireJoinKey(right, k.right, 'right', `keys.${i}.right`);
        return `l.${quoteIdent(k.left)} = r.${quoteIdent(k.right)}`;
      })
      .join(' AND ');
    if (p.type === 'semi' || p.type === 'anti') {
      return { select: `SELECT l.* FROM ${left.ref} AS l ${p.type.toUpperCase()} JOIN ${right.ref} AS r ON ${on}` };
    }
    const names = joinedColumnNames(columnNames(left), columnNames(right));
    const cols = [...projection('l', left, names.left), ...projection('r', right, names.right)].join(', ');
    const join = p.type === 'cross' ? `CROSS JOIN ${right.ref} AS r` : `${p.type.toUpperCase()} JOIN ${right.ref} AS r ON ${on}`;
    return { select: `SELECT ${cols} FROM ${left.ref} AS l ${join}` };
  },
});
