import type { SqlRow } from '../../sql/sql-runner';
import type { Column } from '../contract';
import { rawLinesCall, sniffArguments, type SniffOptions } from './csv-read';
import type { CsvDialectReport } from './csv-report';
import type { DuckDbEncoding } from '../../inputs/encoding';
import { PROFILE_LINES } from './line-profile';

type Query = (sql: string) => Promise<SqlRow[]>;

/** What DuckDB's sniffer makes of a file: its dialect and the columns it would read. */
export interface Sniffed {
  delimiter: string;
  /** `''` when the sniffer saw no quoting in its sample. */
  quote: string;
  escape: string;
  lineEnding: CsvDialectReport['lineEnding'];
  skip: number;
  header: boolean;
  dateFormat?: string;
  timestampFormat?: string;
  columns: Column[];
}

/** The first lines of the file as text (a blank line as `''`), read whole whatever the delimiter and quotes. */
export async function sampleLines(query: Query, path: string, encoding: DuckDbEncoding, maxLineSize: number | undefined): Promise<string[]> {
  const rows = await query(`${rawLinesCall(path, encoding, maxLineSize)} LIMIT ${PROFILE_LINES}`);
  return rows.map((r) => (r.line === null || r.line === undefined ? '' : String(r.line)));
}

const emptyAsNone = (v: unknown): string => (v === null || v === undefined || v === '(empty)' ? '' : String(v));

function lineEndingOf(v: unknown): Sniffed['lineEnding'] {
  const s = String(v ?? '');
  if (s.includes('\\r\\n') || s.includes('\r\n')) return 'CRLF';
  if (s.includes('\\r') || s.includes('\r')) return 'CR';
  return 'LF';
}

/** Runs DuckDB's sniffer with what is already known. Throws DuckDB's error when it cannot settle on a dialect. */
export async function sniff(query: Query, path: string, options: SniffOptions): Promise<Sniffed> {
  // One row per column, the dialect repeated on each: a STRUCT list would cross each runner as text of its own
  // making, and to_json needs the json extension, which duckdb-wasm lacks offline.
  const rows = await query(
    `SELECT d, q, e, nl, skip_rows, has_header, df, tf, c.name AS col_name, c.type AS col_type FROM (` +
      `SELECT Delimiter AS d, Quote AS q, Escape AS e, NewLineDelimiter AS nl, SkipRows AS skip_rows, HasHeader AS has_header, ` +
      `DateFormat AS df, TimestampFormat AS tf, unnest(Columns) AS c, unnest(generate_series(1, len(Columns))) AS i ` +
      `FROM sniff_csv(${sniffArguments(path, options)})) ORDER BY i`,
  );
  const r = rows[0] ?? {};
  const dateFormat = emptyAsNone(r.df);
  const timestampFormat = emptyAsNone(r.tf);
  return {
    delimiter: String(r.d ?? ','),
    quote: emptyAsNone(r.q),
    escape: emptyAsNone(r.e),
    lineEnding: lineEndingOf(r.nl),
    skip: Number(r.skip_rows ?? 0),
    header: r.has_header === true,
    ...(dateFormat ? { dateFormat } : {}),
    ...(timestampFormat ? { timestampFormat } : {}),
    columns: rows.map((c) => ({ name: String(c.col_name), type: String(c.col_type) })),
  };
}
