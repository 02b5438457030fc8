import { blockDefinition } from '../blocks/registry';
import type { FlowBlock } from '../flow/schema';
import { declaredInputOf, isTextFormat } from '../inputs/declared-inputs';
import type { FlowGraph } from '../plan/graph';

/**
 * Which results the CLI keeps as tables (`materialize: 'auto'`); the rest are views, so DuckDB runs each export, each
 * split and each model's reads as one pipeline. Measured on the music flow at 10M ratings (2 cores), a table costs
 * about 15 ns per value written, more than computing most blocks again inside the query that reads them, so a table
 * is kept only where it pays:
 *
 * - a result with several output ports (a split): each port is read by a query of its own, and the split is costly;
 * - a result read by more than one query: its readers reach different exports, tables or models (several readers
 *   that meet again downstream, as the music flow's two branches do at the users join, share one query: DuckDB
 *   computes the result twice there, which is cheaper than writing it);
 * - a block reading a CSV file that flows into a join (or any block that combines inputs): DuckDB estimates a CSV read that has
 *   nothing left to detect at 42 rows, so the join may build its hash table on the big side and probe it from the
 *   small one, in a single thread. A table's row count is exact.
 */
export function keepsAsTable(graph: FlowGraph, block: FlowBlock, hasPortViews: boolean): boolean {
  if (hasPortViews) return true;
  const readers = graph.downstream;
  const direct = readers.get(block.id) ?? [];
  if (readsTextFile(block) && reachesCombiningBlock(graph, readers, block.id)) return true;
  if (direct.length <= 1) return false;
  // A reader that leads nowhere (a view nothing reads, and no export) never runs a query.
  const runs = (id: string) => (readers.get(id) ?? []).length > 0 || isQueryRoot(graph.byId.get(id)!);
  const queries = new Set(direct.map((reader) => queryOf(graph, readers, reader)).filter(runs));
  const [only] = queries;
  return queries.size > 1 || (only !== undefined && runsSeveralQueries(graph.byId.get(only)));
}

/**
 * Whether a block's result starts a row identity (row-identity.ts): an import kept as a table by the rule above, whose
 * `rowid` numbers its rows in the file's order (DuckDB keeps a single table's scan order, WHERE and LIMIT included).
 * The same rule in every preset, so the studio, `wrangle run` and a `wrangle sql` script write the same order.
 */
export function startsRowIdentity(graph: FlowGraph, block: FlowBlock): boolean {
  return blockDefinition(block.kind).rowIdentity === 'starts' && keepsAsTable(graph, block, false);
}

function readsTextFile(block: FlowBlock): boolean {
  const input = declaredInputOf(block);
  return input !== undefined && isTextFormat(input.format);
}

/**
 * The block whose query a reader's result ends up in: follow single readers downstream until a block that runs its
 * own queries (an export, a split, a model), one read by several, or one read by none.
 */
function queryOf(graph: FlowGraph, readers: ReadonlyMap<string, string[]>, start: string): string {
  let id = start;
  for (;;) {
    const block = graph.byId.get(id);
    const next = readers.get(id) ?? [];
    if (!block || next.length !== 1 || isQueryRoot(block)) return id;
    id = next[0]!;
  }
}

/** Blocks that are a query of their own: exports (one COPY), results with port views, and models. */
function isQueryRoot(block: FlowBlock): boolean {
  const def = blockDefinition(block.kind);
  return def.family === 'output' || def.outputs(block.params).length > 1 || runsSeveralQueries(block);
}

/** A model block reads its input in several queries (ids, then ratings, then scores), each of which would recompute a view. */
function runsSeveralQueries(block: FlowBlock | undefined): boolean {
  return block !== undefined && blockDefinition(block.kind).prepare !== undefined;
}

function reachesCombiningBlock(graph: FlowGraph, readers: ReadonlyMap<string, string[]>, start: string): boolean {
  const seen = new Set<string>();
  const queue = [...(readers.get(start) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const block = graph.byId.get(id);
    if (block && blockDefinition(block.kind).inputs(block.params).length > 1) return true;
    queue.push(...(readers.get(id) ?? []));
  }
  return false;
}
