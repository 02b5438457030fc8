import { WrangleError, isWrangleError } from '../errors/catalog';
import { SANDBOX_REFUSAL } from '../sql/sandbox-refusal';
import { isCancelledStatement } from '../sql/sql-runner';


/**
 * Turns whatever a runner threw into a WrangleError for a block. Blocks may explain their own SQL's errors
 * better (a formula's parser error); everything else is classified by the engine's message.
 */
export function classifyError(e: unknown, blockId: string, explain?: (message: string) => WrangleError | undefined): WrangleError {
  if (isWrangleError(e)) return e.inBlock(blockId);
  // A statement the user's Stop cancelled did not fail: the block was stopped.
  if (isCancelledStatement(e)) return new WrangleError('E_RUN_STOPPED', { block: blockId }, blockId);
  const message = e instanceof Error ? e.message : String(e);
  const explained = explain?.(message);
  if (explained) return explained.inBlock(blockId);
  // DuckDB's own advice after the first line names settings that the locked sandbox refuses: the catalog's replaces it.
  const outOfMemory = /Out of Memory Error: ([^\n]*)/.exec(message);
  if (outOfMemory) return new WrangleError('E_OUT_OF_MEMORY', { detail: outOfMemory[1]! }, blockId);
  if (SANDBOX_REFUSAL.test(message)) return new WrangleError('E_SANDBOX_DENIED', { detail: message }, blockId);
  if (/^Parser Error/i.test(message)) return new WrangleError('E_SQL_INVALID', { detail: message }, blockId);
  return new WrangleError('E_QUERY_FAILED', { detail: message }, blockId);
}
