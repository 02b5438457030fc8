import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { NumericColumn, SqlRow, SqlRunner, SqlValue } from '../engine/sql/sql-runner';
import { quoteIdent, quoteLiteral } from '../engine/sql/quote';
import type { SqlOutline } from '../engine/sql/sql-outline';
import { plainInteger } from '../engine/sql/sql-value';
import { arrowIpcFromRows } from './arrow-from-rows';
import { outlineFromParseTree } from './native-sql-outline';

/** What a flow run may touch: the declared input files and its export files, nothing else. */
export interface Sandbox {
  /** Files that may be read. */
  readableFiles: string[];
  /** Files that may be written (and read), by exact path: a run's exports. */
  writableFiles?: string[];
  /**
   * Directories that may be written (and read), for tests that make their own files. The CLI allows none: DuckDB
   * 1.4.3 checks a path against an allowed directory by its text, and `<dir>/./../…` passes that check while it
   * climbs out (src/cli/native-sandbox.test.ts pins it). An exact file has no such way out.
   */
  writableDirectories: string[];
  /**
   * Where DuckDB spills what does not fit in memory: a SpillDirectory's path, which no way out of fits in a path
   * (spill-directory.ts). DuckDB allows it as it allows any directory; without one, a query that outgrows memory fails.
   */
  spillDirectory?: string;
  /** DuckDB's memory limit in bytes; default: DuckDB's own (80% of the machine). */
  memoryLimitBytes?: number;
  /** DuckDB worker threads; default: all cores. */
  threads?: number;
}

/** One engine value as a plain cell: integers to numbers when exact, anything structured to its text form. */
function toSqlValue(v: DuckDBValue): SqlValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return plainInteger(v);
  return String(v);
}

/**
 * The CLI's SqlRunner on native DuckDB. It is sandboxed before any flow SQL runs, in the order that works: allowed
 * paths, then external access off, then the configuration locked, so no statement can undo it.
 */
export class NativeRunner implements SqlRunner {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly spillDirectory: string | undefined,
  ) {}

  /** Errors that name a spill file say so in a few words: its path is padded to some 4,000 characters. */
  private async shortSpillPath<T>(work: Promise<T>): Promise<T> {
    const spill = this.spillDirectory;
    return work.catch((e: unknown) => {
      if (!spill || !(e instanceof Error) || !e.message.includes(spill)) throw e;
      throw new Error(e.message.replaceAll(spill, '<the run\'s spill directory>'));
    });
  }

  static async open(sandbox: Sandbox): Promise<NativeRunner> {
    const instance = await DuckDBInstance.create(':memory:', sandbox.threads ? { threads: String(sandbox.threads) } : {});
    const connection = await instance.connect();
    const list = (xs: string[]) => `[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ')}]`;
    const dirs = sandbox.writableDirectories.map((d) => (d.endsWith('/') ? d : `${d}/`));
    for (const setting of [
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      // Set before external access goes off, which adds it to allowed_directories (DuckDB 1.4.3 always does).
      `SET temp_directory = ${quoteLiteral(sandbox.spillDirectory ?? '')}`,
      ...(sandbox.memoryLimitBytes === undefined ? [] : [`SET memory_limit = ${quoteLiteral(`${Math.floor(sandbox.memoryLimitBytes / 1024)}KiB`)}`]),
      `SET allowed_paths = ${list([...sandbox.readableFiles, ...(sandbox.writableFiles ?? [])])}`,
      `SET allowed_directories = ${list(dirs)}`,
      'SET enable_external_access = false',
      'SET lock_configuration = true',
    ]) {
      await connection.run(setting);
    }
    return new NativeRunner(instance, connection, sandbox.spillDirectory);
  }

  /** Prepares exactly one statement; several are refused, so SQL text can never chain a second statement. */
  private async prepareOne(sql: string) {
    const extracted = await this.connection.extractStatements(sql).catch((e: unknown) => {
      const message = String(e instanceof Error ? e.message : e);
      // @duckdb/node-api fails this way on text without a statement (blank, a comment, a lone `;`).
      if (message === 'Error in native callback') throw new Error('Parser Error: expected one statement, found 0');
      // Report the engine's own message ("Parser Error: …"), as duckdb-wasm does, not the wrapper's prefix.
      throw new Error(message.replace(/^Failed to extract statements: /, ''));
    });
    if (extracted.count !== 1) throw new Error(`Parser Error: expected one statement, found ${extracted.count}`);
    return this.shortSpillPath(extracted.prepare(0));
  }

  async exec(sql: string): Promise<void> {
    const prepared = await this.prepareOne(sql);
    await this.shortSpillPath(prepared.run());
  }

  async query(sql: string): Promise<SqlRow[]> {
    const prepared = await this.prepareOne(sql);
    const reader = await this.shortSpillPath(prepared.runAndReadAll());
    const names = reader.columnNames();
    return reader.getRows().map((row) => Object.fromEntries(names.map((n, i) => [n, toSqlValue(row[i] ?? null)])));
  }

  async queryArrow(sql: string): Promise<Uint8Array> {
    const prepared = await this.prepareOne(sql);
    const reader = await this.shortSpillPath(prepared.runAndReadAll());
    const rows = reader.getRowsJS() as unknown[][];
    return arrowIpcFromRows(reader.columnNames(), reader.columnTypes().map(String), rows);
  }

  /** Reads chunk by chunk straight into typed arrays: a million ratings never become row objects. */
  async queryColumns(sql: string): Promise<Record<string, Float64Array>> {
    const prepared = await this.prepareOne(sql);
    const result = await this.shortSpillPath(prepared.run());
    const names = result.columnNames();
    let rows = 0;
    const chunks: Array<{ vectors: Array<{ getItem(i: number): unknown }>; count: number }> = [];
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      chunks.push({ vectors: names.map((_, c) => chunk!.getColumnVector(c)), count: chunk.rowCount });
      rows += chunk.rowCount;
    }
    const out: Record<string, Float64Array> = {};
    names.forEach((name, c) => {
      const values = new Float64Array(rows);
      let at = 0;
      for (const chunk of chunks) {
        const vector = chunk.vectors[c]!;
        for (let i = 0; i < chunk.count; i++) values[at++] = Number(vector.getItem(i));
      }
      out[name] = values;
    });
    return out;
  }

  async createTableFromColumns(table: string, columns: NumericColumn[]): Promise<void> {
    await this.exec(`CREATE TABLE ${quoteIdent(table)} (${columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`);
    const appender = await this.connection.createAppender(table);
    const rows = columns[0]?.values.length ?? 0;
    for (let r = 0; r < rows; r++) {
      for (const c of columns) {
        if (c.type === 'INTEGER') appender.appendInteger(c.values[r]!);
        else appender.appendDouble(c.values[r]!);
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  /** The parse tree from json_serialize_sql (built into native DuckDB's json extension): parsed, never bound or run. */
  async outline(sql: string): Promise<SqlOutline> {
    if (sql.includes('\u0000')) return { ok: false, message: 'Parser Error: the text holds a NUL character', position: sql.indexOf('\u0000') };
    const rows = await this.query(`SELECT json_serialize_sql(${quoteLiteral(sql)}) AS tree`);
    const count = async () => (await this.connection.extractStatements(sql)).count;
    return outlineFromParseTree(sql, String(rows[0]?.tree), count);
  }

  async version(): Promise<string> {
    const r = await this.query('SELECT version() AS v');
    return String(r[0]?.v);
  }

  /** DuckDB checks for the interrupt as it works; the statement rejects with `INTERRUPT Error: Interrupted!`. */
  async cancel(): Promise<void> {
    this.connection.interrupt();
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
