import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import type { NumericColumn, SqlRow, SqlRunner } from '../engine/sql/sql-runner';
import type { SqlOutline } from '../engine/sql/sql-outline';
import { rowsFromArrow } from './arrow-rows';
import { SANDBOX_SETTINGS, type WasmDatabase } from './wasm-database';
import { wasmOutline } from './wasm-sql-outline';

/**
 * duckdb-wasm refuses several statements in one prepare with its own wording; the engine classifies errors by
 * DuckDB's leading error type, so they are reported as the native runner reports them.
 */
function oneStatementError(e: unknown): unknown {
  const message = e instanceof Error ? e.message : String(e);
  if (/Cannot prepare multiple statements at once/i.test(message)) return new Error('Parser Error: expected one statement, found several');
  if (/No statement to prepare|^no statements$/i.test(message)) return new Error('Parser Error: expected one statement, found 0');
  return e instanceof Error ? e : new Error(message);
}

/** The studio's SqlRunner on duckdb-wasm: every statement is prepared alone, so SQL text can never chain a second one. */
export class WasmRunner implements SqlRunner {
  private constructor(private readonly db: WasmDatabase) {}

  /** A runner on a fresh database, sandboxed (see SANDBOX_SETTINGS) before any flow SQL can run. */
  static async open(db: WasmDatabase): Promise<WasmRunner> {
    const runner = new WasmRunner(db);
    for (const setting of SANDBOX_SETTINGS) await runner.exec(setting);
    return runner;
  }

  async exec(sql: string): Promise<void> {
    await this.runOne(sql);
  }

  async query(sql: string): Promise<SqlRow[]> {
    return rowsFromArrow(await this.runOne(sql));
  }

  /** The statement's result is already an Arrow IPC stream (see CancellableConnection). */
  queryArrow(sql: string): Promise<Uint8Array> {
    return this.runOne(sql);
  }

  async queryColumns(sql: string): Promise<Record<string, Float64Array>> {
    const table = tableFromIPC(await this.runOne(sql));
    const out: Record<string, Float64Array> = {};
    for (const field of table.schema.fields) {
      const values = table.getChild(field.name)!.toArray() as ArrayLike<number | bigint>;
      out[field.name] = values instanceof Float64Array ? values : Float64Array.from(values, Number);
    }
    return out;
  }

  async createTableFromColumns(table: string, columns: NumericColumn[]): Promise<void> {
    const arrow = tableFromArrays(Object.fromEntries(columns.map((c) => [c.name, c.values])));
    await this.db.insertArrowIpc(table, tableToIPC(arrow, 'stream'));
  }

  /** DuckDB's scanner and parser, as duckdb-wasm has them offline (no json extension): see wasm-sql-outline.ts. */
  outline(sql: string): Promise<SqlOutline> {
    return wasmOutline(this.db, sql);
  }

  async version(): Promise<string> {
    const r = await this.query('SELECT version() AS v');
    return String(r[0]?.v);
  }

  /** duckdb-wasm's pending-query cancel, which DuckDB checks about every 100 ms (see CancellableConnection). */
  cancel(): Promise<void> {
    return this.db.cancel();
  }

  private async runOne(sql: string): Promise<Uint8Array> {
    try {
      return await this.db.run(sql);
    } catch (e) {
      throw oneStatementError(e);
    }
  }
}
