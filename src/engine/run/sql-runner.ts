/**
 * The one seam between the engine and a DuckDB. The CLI implements it with @duckdb/node-api, the browser with
 * duckdb-wasm in a worker. Everything that crosses it is plain data or Arrow IPC bytes.
 */

/** A cell as the engine sees it. Runners turn integers that fit in a double into numbers, and anything else exotic into text. */
export type SqlValue = string | number | boolean | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlRunner {
  /** Runs exactly one statement. A string holding several statements is refused. */
  exec(sql: string): Promise<void>;
  /** Runs one statement and returns its (small) result as rows. Callers bound the size with LIMIT or aggregation. */
  query(sql: string): Promise<SqlRow[]>;
  /** Runs one statement and returns its result as Arrow IPC stream bytes, for previews and downloads. */
  queryArrow(sql: string): Promise<Uint8Array>;
  /** The DuckDB version string, e.g. `v1.4.3`. */
  version(): Promise<string>;
}
