import { quoteIdent } from '../sql/quote';
import type { Relation } from './contract';

/**
 * A row identity: hidden columns, unique together in a result, that travel beside it so that an export can write its
 * rows in one certain order by sorting on them instead of on every column. Two runs, any thread count, the browser or
 * the CLI then write the same bytes for far less: sorting 38 columns cost about as much as writing them.
 *
 * An import kept as a table starts one: the table's `rowid`, its rows' positions in the file (DuckDB keeps a file's
 * order into a table, and numbers a table's rows in that order). Blocks that pass rows on one for one keep it (their
 * definition says `rowIdentity: 'keeps'`); a join pairs its inputs' identities; an aggregate's groups are their own
 * identity. Any other block ends it, and exports after it sort by every column, as before.
 */
export const IDENTITY_PREFIX = '__wrangle_row_';

export const identityColumn = (index: number): string => `${IDENTITY_PREFIX}${index}`;

/** Whether a column name is one of the identity's (DuckDB compares names without case). */
export const isIdentityColumn = (name: string): boolean => name.toLowerCase().startsWith(IDENTITY_PREFIX);

/** The identity that travels beside a relation. */
export interface RowIdentity {
  /** The relation's rows with the identity's columns besides the visible ones. */
  ref: string;
  /** The identity's columns, in sort order. */
  columns: string[];
  /**
   * About how many rows lead its order: the import's rows, passed on. DuckDB's joins emit rows nearly in the order of
   * their bigger input, so a join puts that input's identity first, and the export's sort finds its rows nearly in
   * order already: at 10M that is the difference between a sort as dear as every column's and one nearly free.
   */
  rows: number;
  /**
   * The visible columns the identity copies, where it does (an aggregate's groups): no two rows share their values,
   * so a join on them matches each row of the other side at most once. Only the block that wrote it says so.
   */
  groups?: string[];
}

/** The identity columns a block that lists its output columns passes on (none where its input has no identity). */
export function carriedIdentity(input: Relation): string[] {
  return (input.identity?.columns ?? []).map(quoteIdent);
}
