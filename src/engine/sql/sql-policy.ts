/**
 * What user-written SQL may call and name. Judged on the parser's outline of the text (sql-outline.ts), never on the
 * text itself, so quoting, comments, escapes and case cannot hide a call from it.
 */

/** Why a function is refused, in the words of the error message. */
const READS_FILES = 'it reads files or URLs, and a flow reads only its declared inputs, through import blocks';
const RUNS_TEXT = 'it runs SQL made from text, which no check can see before it runs';
const READS_ENGINE = "it reads the engine's settings or catalog, which differ between the studio and the CLI";
const CHANGES_ENGINE = "it changes the engine's state";

const refusedExactly = new Map<string, string>([
  ['glob', READS_FILES],
  ['sniff_csv', READS_FILES],
  ['load_aws_credentials', READS_FILES],
  ['query', RUNS_TEXT],
  ['query_table', RUNS_TEXT],
  ['current_setting', READS_ENGINE],
  ['getenv', READS_ENGINE],
  ['which_secret', READS_ENGINE],
  ['checkpoint', CHANGES_ENGINE],
  ['force_checkpoint', CHANGES_ENGINE],
  ['enable_logging', CHANGES_ENGINE],
  ['disable_logging', CHANGES_ENGINE],
  ['truncate_duckdb_logs', CHANGES_ENGINE],
  ['write_log', CHANGES_ENGINE],
]);

/** Families by prefix or suffix: every reader (`read_csv`, `read_text`, `read_xlsx`…), every scan, every catalog function. */
const refusedByShape: [(name: string) => boolean, string][] = [
  [(n) => n.startsWith('read_'), READS_FILES],
  [(n) => n.endsWith('_scan'), READS_FILES],
  [(n) => n.startsWith('parquet_') || n.startsWith('iceberg_') || n.startsWith('delta_'), READS_FILES],
  [(n) => n.startsWith('st_read') || n.startsWith('http_'), READS_FILES],
  [(n) => n.startsWith('json_execute'), RUNS_TEXT],
  [(n) => n.startsWith('duckdb_') || n.startsWith('pragma_'), READS_ENGINE],
];

/**
 * Why a function may not be called from a flow, or undefined when it may. `current_setting` is refused although it
 * only reads: in the CLI the settings hold real paths (the allowed input files, the staging directory), which a
 * shared flow could copy into an export, and its answers differ between the studio and the CLI, so a flow using it
 * would not give the same result in both.
 */
export function refusedFunctionReason(name: string): string | undefined {
  const n = name.toLowerCase();
  return refusedExactly.get(n) ?? refusedByShape.find(([matches]) => matches(n))?.[1];
}

/**
 * The engine's own catalog views (DuckDB's `duckdb_views() WHERE internal`, v1.4.3): `pg_settings` shows every
 * setting, the others the engine's tables. A view is read like a table, so these are refused by name wherever
 * they appear, not only where a table is expected: the studio's engine can tell names apart only by their tokens.
 */
const catalogNames = new Set([
  'information_schema',
  'pg_catalog',
  ...['am', 'attrdef', 'attribute', 'class', 'constraint', 'database', 'depend', 'description', 'enum', 'index', 'indexes']
    .concat(['namespace', 'prepared_statements', 'proc', 'sequence', 'sequences', 'settings', 'tables', 'tablespace', 'type', 'views'])
    .map((v) => `pg_${v}`),
  ...['columns', 'constraints', 'databases', 'indexes', 'logs', 'schemas', 'tables', 'types', 'views'].map((v) => `duckdb_${v}`),
  'pragma_database_list',
  'sqlite_master',
  'sqlite_schema',
  'sqlite_temp_master',
  'sqlite_temp_schema',
]);

/** Whether a name (a table, a schema, a column, a text literal) is one of the engine's catalog views or schemas. */
export function isCatalogName(name: string): boolean {
  return catalogNames.has(name.toLowerCase());
}

export const CATALOG_REASON = "it is the engine's own catalog (its settings and tables), not data of the flow";
