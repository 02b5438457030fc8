import { blockDefinition } from '../blocks/registry';
import type { FlowBlock } from '../flow/schema';
import { reachableFrom, type FlowGraph } from '../plan/graph';

/**
 * Whether two reads of a block's result can give different rows. A split kept as a view is computed once per export
 * (materialize-policy.ts), so its exports agree only if every block above it gives the same rows on every read: if
 * they did not, a row could land in both train and test, or in neither. Judged on the flow alone, conservatively:
 *
 * - a block whose kind says so (BlockDefinition.variesBetweenReads: a SQL block, the first rows of a sample);
 * - a block whose settings name a function whose answer changes between queries (DuckDB 1.4's `duckdb_functions()`
 *   marks them volatile or consistent only within a query: random, uuid, now…), a window (`OVER`), or a sample
 *   counts as varying. A column that happens to have one of these names costs only the table the split had anyway.
 */
const VARYING_WORDS = new Set([
  'random', 'setseed', 'uuid', 'uuidv4', 'uuidv7', 'gen_random_uuid', 'nextval', 'currval',
  'now', 'today', 'current_date', 'current_time', 'current_timestamp', 'localtime', 'localtimestamp',
  'current_localtime', 'current_localtimestamp', 'get_current_time', 'get_current_timestamp', 'transaction_timestamp',
  'txid_current', 'current_query', 'current_query_id', 'current_connection_id', 'current_transaction_id',
  'over', 'sample', 'tablesample',
]);

export function mayDifferBetweenReads(graph: FlowGraph, block: FlowBlock): boolean {
  return [block, ...reachableFrom(graph, block.id, 'up')].some(varies);
}

function varies(block: FlowBlock): boolean {
  if (blockDefinition(block.kind).variesBetweenReads?.(block.params)) return true;
  return wordsOf(block.params).some((word) => VARYING_WORDS.has(word));
}

/** Every word of every text in a block's settings, lower case (not of their JSON, whose `\n` would join two words). */
function wordsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? [];
  if (Array.isArray(value)) return value.flatMap(wordsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(wordsOf);
  return [];
}
