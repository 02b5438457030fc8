import { z } from 'zod';
import { fail } from '../../errors/catalog';
import { quoteIdent } from '../../sql/quote';
import { columnKey, ColumnNameSet, columnNames, requireJoinKey } from '../columns';
import { defineBlock, SINGLE_OUT, type Relation } from '../contract';
import { wordsByPattern } from '../param-words';
import { identityColumn } from '../row-identity';

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

type JoinParams = z.infer<typeof params>;

/**
 * Whether one side is a lookup: an aggregate's result (RowIdentity.groups) joined on all its groups, each key pair of
 * one type (a cast could make two groups equal one value), so each row of the other side meets at most one of its
 * rows; and no row of it stands alone (the join drops its unmatched rows).
 */
function isLookup(p: JoinParams, side: 'left' | 'right', inputs: { left: Relation; right: Relation }): boolean {
  const groups = inputs[side].identity?.groups;
  if (!groups || !(p.type === 'inner' || (p.type === 'left' && side === 'right') || (p.type === 'right' && side === 'left'))) return false;
  const typeOf = (rel: Relation, name: string) => rel.columns.find((c) => columnKey(c.name) === columnKey(name))?.type;
  if (p.keys.some((k) => typeOf(inputs.left, k.left) !== typeOf(inputs.right, k.right))) return false;
  const keys = new Set(p.keys.map((k) => columnKey(k[side])));
  return groups.every((g) => keys.has(columnKey(g)));
}

/**
 * A joined row is one pair of an input row from each side (or one side's row and NULLs, in an outer join), so the two
 * identities together are unique; where one side is a lookup (isLookup), the other's alone is. The bigger side's
 * come first (the left's on a tie), numbered on by the other's: the rows come out of the join nearly in that side's
 * order (RowIdentity.rows). Both sides need one.
 */
function pairedIdentity(p: JoinParams, left: Relation, right: Relation): { columns: string[]; rows: number } | undefined {
  if (!left.identity || !right.identity) return undefined;
  let sides = [
    { alias: 'l', identity: left.identity },
    { alias: 'r', identity: right.identity },
  ];
  if (right.identity.rows > left.identity.rows) sides.reverse();
  if (isLookup(p, 'right', { left, right })) sides = sides.filter((s) => s.alias === 'l');
  else if (isLookup(p, 'left', { left, right })) sides = sides.filter((s) => s.alias === 'r');
  const names = sides.flatMap(({ alias, identity }) => identity.columns.map((c) => `${alias}.${quoteIdent(c)}`));
  return { columns: names.map((n, i) => `${n} AS ${quoteIdent(identityColumn(i))}`), rows: sides[0]!.identity.rows };
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
  rowIdentity: 'makes',
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
      // Each left row at most once: the left identity stays unique.
      const identityRows = left.identity ? { identityRows: left.identity.rows } : {};
      return { select: `SELECT l.* FROM ${(left.identity ?? left).ref} AS l ${p.type.toUpperCase()} JOIN ${right.ref} AS r ON ${on}`, ...identityRows };
    }
    const names = joinedColumnNames(columnNames(left), columnNames(right));
    const pair = pairedIdentity(p, left, right);
    const cols = [...projection('l', left, names.left), ...projection('r', right, names.right), ...(pair?.columns ?? [])].join(', ');
    const rightRef = pair ? right.identity!.ref : right.ref;
    const join = p.type === 'cross' ? `CROSS JOIN ${rightRef} AS r` : `${p.type.toUpperCase()} JOIN ${rightRef} AS r ON ${on}`;
    return { select: `SELECT ${cols} FROM ${pair ? left.identity!.ref : left.ref} AS l ${join}`, ...(pair ? { identityRows: pair.rows } : {}) };
  },
});
