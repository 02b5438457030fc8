/**
 * The little the studio's engine needs from a duckdb-wasm instance. The browser worker satisfies it with the async
 * bindings (duckdb-loader.ts); the tests satisfy it with duckdb-wasm's Node build (src/testing/wasm-in-node.ts), so
 * the same WasmRunner and EngineSession code is checked in `npm test` without a browser.
 */
export interface WasmDatabase {
  /**
   * Prepares exactly one statement and runs it; the result as Arrow IPC stream bytes. Rejects with DuckDB's error, or
   * with CANCELLED_STATEMENT when `cancel` stopped it. Statements run one at a time (see CancellableConnection).
   */
  run(sql: string): Promise<Uint8Array>;
  /** Cancels the statement `run` is running now, if any. */
  cancel(): Promise<void>;
  /** Makes bytes readable under `name`. The host may take ownership of the buffer (transfer it). */
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** Makes a File readable under `name`, by handle where the host can (the browser), so it is never copied whole. */
  registerFile(name: string, file: File): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** The bytes of a file the engine wrote (COPY … TO) or that was registered. */
  copyFileToBuffer(name: string): Promise<Uint8Array>;
  /** Creates `table` from an Arrow IPC stream. */
  insertArrowIpc(table: string, ipc: Uint8Array): Promise<void>;
  /** Creates `table` from a registered JSON file holding an array of objects. */
  insertJsonFromPath(table: string, path: string): Promise<void>;
  /** DuckDB's own scanner over `sql`: where each token starts (a UTF-8 byte offset) and its kind (see SqlTokenKind). */
  tokenize(sql: string): Promise<{ offsets: number[]; types: number[] }>;
  /**
   * The tables one statement reads by name, as DuckDB's parser and its name-extracting binder find them (views
   * expanded, CTEs left out). It binds table functions, so only text whose calls were checked goes here. Rejects
   * with DuckDB's error, as JSON text from the wasm (`{"exception_type":"Parser",…,"position":"10"}`).
   */
  tableNames(sql: string): Promise<string[]>;
}

/** duckdb-wasm's token kinds (its `TokenType`), by number, as `tokenize` returns them. */
export const SqlTokenKind = { IDENTIFIER: 0, NUMERIC_CONSTANT: 1, STRING_CONSTANT: 2, OPERATOR: 3, KEYWORD: 4, COMMENT: 5 } as const;

/** Where registered inputs live in the engine's virtual file system. */
export const INPUT_DIR = '/inputs/';
/** Where exports and downloads are written before their bytes are copied out. */
export const EXPORT_DIR = '/exports/';

/**
 * The settings every studio engine starts with, in the order that works (as the CLI's sandbox): no extension is
 * fetched (parquet/json/icu would try the network and fail offline), only the input and export directories are
 * reachable, external access is off, and the configuration is locked so no flow SQL can undo it.
 */
export const SANDBOX_SETTINGS: readonly string[] = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `SET allowed_directories = ['${INPUT_DIR}', '${EXPORT_DIR}']`,
  'SET enable_external_access = false',
  'SET lock_configuration = true',
];
