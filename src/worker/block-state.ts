import type { BlockResult } from '../engine/run/executor';
import { isWrangleError } from '../engine/errors/catalog';
import { classifyError } from '../engine/run/classify-error';
import type { BlockState, EngineErrorInfo } from './engine-api';

/** A block's run result as the canvas shows it: plain data, the output schemas by port, the error by code. */
export function toBlockState(r: BlockResult): BlockState {
  // A cancelled training or a stopped block is the user's choice, not a failure: it has a status of its own.
  const cancelled = r.status === 'error' && (r.error?.code === 'E_TRAINING_CANCELLED' || r.error?.code === 'E_RUN_STOPPED');
  return {
    blockId: r.blockId,
    status: cancelled ? 'cancelled' : r.status === 'ok' ? 'fresh' : r.status,
    ...(r.rows !== undefined ? { rows: r.rows } : {}),
    seconds: r.seconds,
    ...(r.error ? { error: r.error.toJSON() } : {}),
    ...(r.sql !== undefined ? { sql: r.sql } : {}),
    outputs: Object.fromEntries(Object.entries(r.outputs).map(([port, rel]) => [port, rel.columns])),
    ...(r.fitted !== undefined ? { fitted: r.fitted } : {}),
    ...(r.cached ? { cached: true } : {}),
    ...(r.report !== undefined ? { report: r.report } : {}),
  };
}

/** Whatever an engine call threw, as the `{ code, message, blockId }` that crosses the worker boundary. */
export function engineErrorInfo(e: unknown): EngineErrorInfo {
  if (isWrangleError(e)) return e.toJSON();
  // Classified as a block's error would be (sandbox, SQL, query), but belonging to no block.
  return classifyError(e, '').toJSON();
}
