/**
 * Sparsity of a ratings-like table: the share of the user × item matrix that has no rating, as the Spark ALS
 * notebook reports it before training. Computed with distinct counts in SQL.
 */
import type { Column } from '../blocks/contract';
import { quoteIdent } from '../sql/quote';
import { countOf } from './bins';
import type { QueryRows, TableProfile } from './types';

export interface RatingsColumns {
  userColumn: string;
  itemColumn: string;
}

const USER = /user/i;
const ITEM = /item|track|movie|song|product/i;
/** Among several candidates, an id column (`userId`, `track_id`) is the likelier key. */
const ID = /id$/i;

function pick(columns: readonly Column[], pattern: RegExp, except?: string): string | undefined {
  const candidates = columns.filter((c) => pattern.test(c.name) && c.name !== except);
  return (candidates.find((c) => ID.test(c.name)) ?? candidates[0])?.name;
}

/** The user-like and item-like columns of a table, by name, or undefined when it does not look like ratings. */
export function findRatingsColumns(columns: readonly Column[]): RatingsColumns | undefined {
  const userColumn = pick(columns, USER);
  if (userColumn === undefined) return undefined;
  const itemColumn = pick(columns, ITEM, userColumn);
  return itemColumn === undefined ? undefined : { userColumn, itemColumn };
}

/** Distinct users, distinct items and distinct (user, item) pairs: a repeated rating fills the same cell. */
export function sparsitySql(ref: string, { userColumn, itemColumn }: RatingsColumns): string {
  const u = quoteIdent(userColumn);
  const i = quoteIdent(itemColumn);
  const both = `${u} IS NOT NULL AND ${i} IS NOT NULL`;
  return (
    `SELECT count(DISTINCT ${u}) AS users, count(DISTINCT ${i}) AS items, ` +
    `(SELECT count(*) FROM (SELECT DISTINCT ${u}, ${i} FROM ${ref} WHERE ${both})) AS ratings ` +
    `FROM ${ref} WHERE ${both}`
  );
}

export async function measureSparsity(query: QueryRows, ref: string, cols: RatingsColumns): Promise<TableProfile['sparsity']> {
  const row = (await query(sparsitySql(ref, cols)))[0] ?? {};
  const users = countOf(row.users);
  const items = countOf(row.items);
  const ratings = countOf(row.ratings);
  if (users === 0 || items === 0) return undefined;
  return { ...cols, users, items, ratings, sparsity: 1 - ratings / (users * items) };
}
