/**
 * The factor tables an ALS model hands to SQL, and the score expressions over them. A factor table has the id column
 * first (its original name and type), then `bias`, then `f0 … f{k-1}`; the predicted score of a (user, item) pair is
 * Σ_j u.f_j·i.f_j + u.bias + i.bias.
 */
import { fail } from '../errors/catalog';
import { quoteIdent } from '../sql/quote';
import { columnNames, isNumericType } from './columns';
import type { Column, Relation } from './contract';

export interface FactorTable {
  rel: Relation;
  /** The id column: the first column. */
  id: Column;
  /** The `bias` column, if the table has one; a table without it scores as if it were 0. */
  bias: Column | undefined;
  /** f0 … f{rank-1}, in order. */
  factors: Column[];
  rank: number;
}

const FACTOR_NAME = /^f(0|[1-9][0-9]*)$/;

function invalid(port: string, detail: string): never {
  return fail('E_FACTORS_INVALID', { port, detail });
}

/** Reads and checks the shape of a factor table connected to `port`. */
export function readFactorTable(rel: Relation, port: string): FactorTable {
  const id = rel.columns[0] ?? invalid(port, 'it has no columns');
  if (id.name === 'bias' || FACTOR_NAME.test(id.name)) invalid(port, `its first column must be the id column, not "${id.name}"`);
  const byName = new Map(rel.columns.map((c) => [c.name, c]));
  const rank = rel.columns.filter((c) => FACTOR_NAME.test(c.name)).length;
  if (rank === 0) invalid(port, `it has no factor columns (its columns: ${columnNames(rel).slice(0, 12).join(', ')})`);
  const factors = Array.from({ length: rank }, (_, j) => byName.get(`f${j}`) ?? invalid(port, `it has ${rank} factor columns but no f${j}`));
  const bias = byName.get('bias');
  for (const c of bias ? [bias, ...factors] : factors) {
    if (!isNumericType(c.type)) invalid(port, `"${c.name}" is ${c.type}, not a number`);
  }
  return { rel, id, bias, factors, rank };
}

/** The users and items tables of one model: each checked, and of the same rank. */
export function readFactorPair(users: Relation, items: Relation): { users: FactorTable; items: FactorTable } {
  const u = readFactorTable(users, 'users');
  const i = readFactorTable(items, 'items');
  if (u.rank !== i.rank) fail('E_FACTORS_RANK_MISMATCH', { users: u.rank, items: i.rank });
  return { users: u, items: i };
}

/** A column of an aliased relation as DOUBLE, so hand-made DECIMAL or FLOAT factors score like the trainer's DOUBLEs. */
function asDouble(alias: string, col: Column): string {
  const ref = `${alias}.${quoteIdent(col.name)}`;
  return col.type === 'DOUBLE' ? ref : `CAST(${ref} AS DOUBLE)`;
}

/**
 * Σ_j a.f_j·b.f_j, written out term by term. Left-to-right addition of the same doubles gives the same bits in every
 * engine, which a vectorised list dot product does not promise.
 */
export function dotProduct(a: { alias: string; table: FactorTable }, b: { alias: string; table: FactorTable }): string {
  const terms = a.table.factors.map((f, j) => `${asDouble(a.alias, f)} * ${asDouble(b.alias, b.table.factors[j]!)}`);
  return `(${terms.join(' + ')})`;
}

/** The predicted score of a user row (alias `u`) and an item row (alias `i`), biases included. */
export function scoreExpression(users: FactorTable, items: FactorTable, u = 'u', i = 'i'): string {
  const biases = [users.bias && asDouble(u, users.bias), items.bias && asDouble(i, items.bias)].filter((b): b is string => !!b);
  return [dotProduct({ alias: u, table: users }, { alias: i, table: items }), ...biases].join(' + ');
}
