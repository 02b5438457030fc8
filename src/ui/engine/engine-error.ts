import { WrangleError, type ErrorArgs, type ErrorCode } from '../../engine/errors/catalog';
import type { EngineErrorInfo } from '../../worker/engine-api';

/** A failed engine call: the engine's coded error, as an Error so that callers can treat it like any other. */
export class EngineError extends Error {
  readonly code: string;
  readonly blockId: string | undefined;

  constructor(info: EngineErrorInfo) {
    super(info.message);
    this.name = 'EngineError';
    this.code = info.code;
    this.blockId = info.blockId;
  }
}

/** An error the client itself raises (a restart, a crash), from the same catalog as the engine's. */
export function clientError<C extends ErrorCode>(code: C, args: ErrorArgs<C>): EngineError {
  return new EngineError(new WrangleError(code, args).toJSON());
}

function isErrorInfo(e: unknown): e is EngineErrorInfo {
  return typeof e === 'object' && e !== null && typeof (e as EngineErrorInfo).code === 'string' && typeof (e as EngineErrorInfo).message === 'string';
}

/** Whatever a worker call rejected with, as an Error: the worker sends `{ code, message, blockId }`. */
export function asEngineError(e: unknown): Error {
  if (e instanceof Error) return e;
  return isErrorInfo(e) ? new EngineError(e) : new Error(String(e));
}

/**
 * Messages that mean the wasm instance itself broke (a trap, an abort), after which it cannot answer correctly:
 * the engine is rebuilt. DuckDB's own errors, "Out of Memory Error" included, leave it usable.
 */
const CRASH = /RuntimeError|memory access out of bounds|unreachable executed|^Aborted\(|DuckDB crashed/i;

export function isCrash(e: Error): boolean {
  return CRASH.test(e.message);
}
