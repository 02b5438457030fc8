import { blockDefinition } from '../blocks/registry';
import type { FlowBlock } from '../flow/schema';
import { declaredInputOf, isTextFormat } from '../inputs/declared-inputs';
import { portKey, reachableFrom, type FlowGraph } from '../plan/graph';
import { mayDifferBetweenReads } from './reads-agree';

/**
 * Which results the CLI keeps as tables (`materialize: 'auto'`); the rest are views, so DuckDB runs each export, each
 * split and each model's reads as one pipeline. Measured on the music flow at 10M ratings (2 cores), a table costs
 * about 15 ns per value written, more than computing most blocks again inside the query that reads them, so a table
 * is kept only where it pays:
 *
 * - a result with several output ports (a split) whose ports need the whole result (an ordered, stratified or
 *   leave-last-out split ranks rows against each other). A split that decides each row from that row alone
 *   (randomized, by key) stays a view when each port feeds one query that reads it once, and every block above it
 *   gives the same rows on every read (reads-agree.ts): each export then computes the flow again, which at 10M
 *   ratings (Parquet) took 1.76× the single pass against 2.19× for writing the split's table and reading it twice,
 *   at half the peak memory; at 1M and with CSV output the two were even;
 * - a result read by more than one query: its readers reach different exports, tables or models (several readers
 *   that meet again downstream, as the music flow's two branches do at the users join, share one query: DuckDB
 *   computes the result twice there, which is cheaper than writing it);
 * - a block reading a CSV file that flows into a join (or any block that combines inputs): DuckDB estimates a CSV read that has
 *   nothing left to detect at 42 rows, so the join may build its hash table on the big side and probe it from the
 *   small one, in a single thread. A table's row count is exact. The same for one that flows into a split: a split
 *   kept as a view would parse the file once per port, which costs more than writing the table.
 */
export function keepsAsTable(graph: FlowGraph, block: FlowBlock, hasPortViews: boolean): boolean {
  const readers = graph.downstream;
  const direct = readers.get(block.id) ?? [];
  if (hasPortViews) return !(blockDefinition(block.kind).portsPerRow?.(block.params) && splitStaysView(graph, block));
  if (readsTextFile(block) && reachesFanBlock(graph, block.id)) return true;
  if (direct.length <= 1) return false;
  // A reader that leads nowhere (a view nothing reads, and no export) never runs a query.
  const runs = (id: string) => (readers.get(id) ?? []).length > 0 || isQueryRoot(graph.byId.get(id)!);
  const queries = new Set(direct.map((reader) => queryOf(graph, readers, reader)).filter(runs));
  const [only] = queries;
  return queries.size > 1 || (only !== undefined && runsSeveralQueries(graph.byId.get(only)));
}

/**
 * Whether a split that keeps rows by their own values (BlockDefinition.portsPerRow) can stay a view: at most two
 * queries read it (what was measured), each port at most once, and none of them is a model, whose several queries
 * would each compute the flow again. And every block above it gives the same rows on every read (reads-agree.ts), so
 * that the exports' parts still make up the whole.
 */
function splitStaysView(graph: FlowGraph, block: FlowBlock): boolean {
  const direct = graph.downstream.get(block.id) ?? [];
  if (direct.length > 2 || mayDifferBetweenReads(graph, block)) return false;
  const ports = blockDefinition(block.kind).outputs(block.params);
  if (ports.some((port) => (graph.readers.get(portKey({ block: block.id, port })) ?? 0) > 1)) return false;
  return direct.every((reader) => !runsSeveralQueries(graph.byId.get(queryOf(graph, graph.downstream, reader))));
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
  return def.family === 'output' || hasSeveralOutputs(block) || runsSeveralQueries(block);
}

function hasSeveralOutputs(block: FlowBlock): boolean {
  return blockDefinition(block.kind).outputs(block.params).length > 1;
}

/** A model block reads its input in several queries (ids, then ratings, then scores), each of which would recompute a view. */
function runsSeveralQueries(block: FlowBlock | undefined): boolean {
  return block !== undefined && blockDefinition(block.kind).prepare !== undefined;
}

/** Whether a block downstream combines inputs (a join) or has several outputs (a split, a model). */
function reachesFanBlock(graph: FlowGraph, start: string): boolean {
  return reachableFrom(graph, start, 'down').some((b) => blockDefinition(b.kind).inputs(b.params).length > 1 || hasSeveralOutputs(b));
}
