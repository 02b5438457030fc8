/** Absolute path of the compiled ALS kernel. */
export const alsWasmPath: string;
/** Whether als.wasm is missing or older than any of its sources. */
export function alsWasmIsStale(): boolean;
/** Compiles als.wasm if it is stale (or always, with `force`); returns whether it compiled. */
export function ensureAlsWasm(options?: { quiet?: boolean; force?: boolean }): boolean;
