import type { FactorTable } from '../blocks/factor-tables';
import type { PrepareContext, Relation } from '../blocks/contract';
import { quoteIdent } from '../sql/quote';
import type { TopKResult } from './als-contract';

/** A factor table read for a kernel: dense indices by ascending id (kept in `map`), factors row-major, biases. */
export interface FactorMatrix {
  count: number;
  factors: Float64Array;
  bias: Float64Array | null;
}

const asDouble = (c: { name: string }) => `CAST(f.${quoteIdent(c.name)} AS DOUBLE)`;

/** Maps the table's ids to dense indices in SQL (table `map`: id, idx) and reads its factors in that order. */
export async function readFactorMatrix(ctx: PrepareContext<unknown>, table: FactorTable, map: string): Promise<FactorMatrix> {
  const id = quoteIdent(table.id.name);
  await ctx.exec(`CREATE OR REPLACE TABLE ${quoteIdent(map)} AS SELECT ${id} AS id, (row_number() OVER (ORDER BY ${id}) - 1)::INTEGER AS idx FROM ${table.rel.ref}`);
  const cols = [...(table.bias ? [table.bias] : []), ...table.factors];
  const read = await ctx.queryColumns(
    `SELECT ${cols.map((c, j) => `${asDouble(c)} AS c${j}`).join(', ')} FROM ${table.rel.ref} f JOIN ${quoteIdent(map)} m ON f.${id} = m.id ORDER BY m.idx`,
  );
  const count = read.c0?.length ?? 0;
  const offset = table.bias ? 1 : 0;
  const factors = new Float64Array(count * table.rank);
  for (let j = 0; j < table.rank; j++) {
    const col = read[`c${j + offset}`]!;
    for (let r = 0; r < count; r++) factors[r * table.rank + j] = col[r]!;
  }
  return { count, factors, bias: table.bias ? read.c0! : null };
}

/** The (query, item) pairs of `seen` as CSR over the queries, in dense indices; pairs with an unknown id are skipped. */
export async function readExclusions(
  ctx: PrepareContext<unknown>,
  seen: Relation,
  cols: { user: string; item: string },
  maps: { users: string; items: string },
  queries: number,
): Promise<{ indptr: Int32Array; indices: Int32Array }> {
  const pairs = await ctx.queryColumns(
    `SELECT DISTINCT u.idx::DOUBLE AS q, i.idx::DOUBLE AS it FROM ${seen.ref} s JOIN ${quoteIdent(maps.users)} u ON s.${quoteIdent(cols.user)} = u.id ` +
      `JOIN ${quoteIdent(maps.items)} i ON s.${quoteIdent(cols.item)} = i.id ORDER BY q, it`,
  );
  const q = pairs.q ?? new Float64Array(0);
  const indptr = new Int32Array(queries + 1);
  for (const x of q) indptr[x + 1]!++;
  for (let r = 0; r < queries; r++) indptr[r + 1]! += indptr[r]!;
  return { indptr, indices: Int32Array.from(pairs.it ?? []) };
}

/** Stores a kernel's top-k result as a table (query, item, score, rank) in dense indices. */
export async function writeTopK(ctx: PrepareContext<unknown>, table: string, r: TopKResult): Promise<void> {
  await ctx.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  await ctx.createTableFromColumns(table, [
    { name: 'q', type: 'INTEGER', values: r.query },
    { name: 'item', type: 'INTEGER', values: r.item },
    { name: 'score', type: 'DOUBLE', values: r.score },
    { name: 'rank', type: 'INTEGER', values: r.rank },
  ]);
}

/** The top-k table with ids in place of dense indices: `<query id>, <item id>, <score name>, rank`, by query then rank. */
export function topKSelect(result: string, maps: { queries: string; items: string }, names: { query: string; item: string; score: string }): string {
  return (
    `SELECT qm.id AS ${quoteIdent(names.query)}, im.id AS ${quoteIdent(names.item)}, r.score AS ${quoteIdent(names.score)}, r.rank ` +
    `FROM ${quoteIdent(result)} r JOIN ${quoteIdent(maps.queries)} qm ON qm.idx = r.q JOIN ${quoteIdent(maps.items)} im ON im.idx = r.item ORDER BY qm.idx, r.rank`
  );
}
