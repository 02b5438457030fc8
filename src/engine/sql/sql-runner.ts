import type { SqlOutline } from './sql-outline';

/**
 * The one seam between the engine and a DuckDB. The CLI implements it with @duckdb/node-api, the browser with
 * duckdb-wasm in a worker. Everything that crosses it is plain data or Arrow IPC bytes.
 */

/** A cell as the engine sees it. Runners turn integers that fit in a double into numbers, and anything else exotic into text. */
export type SqlValue = string | number | boolean | null;
export type SqlRow = Record<string, SqlValue>;

/** A column of numbers crossing the seam in bulk: training data out of the engine, model factors back in. */
export interface NumericColumn {
  name: string;
  type: 'INTEGER' | 'DOUBLE';
  values: Int32Array | Float64Array;
}

export interface SqlRunner {
  /** Runs exactly one statement. A string holding several statements is refused. */
  exec(sql: string): Promise<void>;
  /** Runs one statement and returns its (small) result as rows. Callers bound the size with LIMIT or aggregation. */
  query(sql: string): Promise<SqlRow[]>;
  /** Runs one statement and returns its result as Arrow IPC stream bytes, for previews and downloads. */
  queryArrow(sql: string): Promise<Uint8Array>;
  /**
   * Runs one query whose columns are all numeric and non-null (cast them in the SQL) and returns each column as
   * doubles, by name. For bulk numeric data (a model's training ratings), where rows would be far too slow.
   */
  queryColumns(sql: string): Promise<Record<string, Float64Array>>;
  /** Creates `table` (it must not exist) from equal-length numeric columns: how trained factors return to the engine. */
  createTableFromColumns(table: string, columns: NumericColumn[]): Promise<void>;
  /**
   * DuckDB's own reading of one SQL text, without running it: whether it parses as exactly one statement, and the
   * functions, names and tables in it (see SqlOutline). The executor checks user-written SQL with it.
   */
  outline(sql: string): Promise<SqlOutline>;
  /** The DuckDB version string, e.g. `v1.4.3`. */
  version(): Promise<string>;
  /**
   * Cancels the statement running now, if any: it rejects promptly with CANCELLED_STATEMENT (see isCancelledStatement).
   * The runner stays usable; with nothing running this does nothing, and it never affects a later statement.
   */
  cancel(): Promise<void>;
}

/** How a statement that `SqlRunner.cancel` stopped rejects, in every runner: DuckDB's own wording for an interrupt. */
export const CANCELLED_STATEMENT = 'INTERRUPT Error: Interrupted!';

/** Whether a runner's rejection is a cancelled statement rather than a failed one. */
export function isCancelledStatement(e: unknown): boolean {
  return /^INTERRUPT Error/.test(e instanceof Error ? e.message : String(e));
}
