import type { Column } from '../contract';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import type { DuckDbEncoding } from '../../inputs/encoding';

/**
 * A CSV read with nothing left to detect: the dialect and every column's name and type. The import block compiles
 * it with `auto_detect = false`, so the SQL says exactly how the file is read, in the script `wrangle sql` writes
 * too, and DuckDB does not sniff the file again on every read.
 */
export interface CsvRead {
  delimiter: string;
  quote: string;
  escape: string;
  header: boolean;
  /** Lines before the header row DuckDB reads (its `skip`), extra header rows included. */
  skip: number;
  columns: Column[];
  encoding: DuckDbEncoding;
  nullString?: string;
  dateFormat?: string;
  timestampFormat?: string;
  maxLineSize?: number;
  /** The last line of the first table, when another table follows it: the check looks at no line past it. */
  lastLine?: number;
  /** The rows of the first table, when another table follows it: the read stops there. */
  rows?: number;
  /** Columns read and then left out: the empty field after a delimiter that ends every line. */
  drop?: string[];
  /** How malformed rows are treated: absent, they fail the read; else padded (too few fields) and/or left out. */
  repair?: { padMissing: boolean };
}

/** Renders `read_csv(path, …)` for a read; `extra` adds options, e.g. the rejects tables of a check. */
export function readCsvCall(path: string, read: CsvRead, extra: string[] = []): string {
  const columns = read.columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(', ');
  const opts = [
    quoteLiteral(path),
    'auto_detect = false',
    `delim = ${quoteLiteral(read.delimiter)}`,
    `quote = ${quoteLiteral(read.quote)}`,
    `escape = ${quoteLiteral(read.escape)}`,
    `header = ${quoteLiteral(read.header)}`,
    `skip = ${read.skip}`,
    `columns = {${columns}}`,
    // A quoted empty field ("") is the empty string and only an unquoted empty one is NULL, as an export writes them,
    // so a file Wrangle wrote reads back exactly.
    'allow_quoted_nulls = false',
  ];
  if (read.encoding !== 'utf-8') opts.push(`encoding = ${quoteLiteral(read.encoding)}`);
  if (read.nullString !== undefined) opts.push(`nullstr = ${quoteLiteral(read.nullString)}`);
  if (read.dateFormat !== undefined) opts.push(`dateformat = ${quoteLiteral(read.dateFormat)}`);
  if (read.timestampFormat !== undefined) opts.push(`timestampformat = ${quoteLiteral(read.timestampFormat)}`);
  if (read.maxLineSize !== undefined) opts.push(`max_line_size = ${read.maxLineSize}`);
  if (read.repair) {
    // DuckDB 1.4.3's parallel scanner, told to ignore errors, also drops the good rows after a broken quote, and it
    // refuses null_padding when a quoted field spans lines: a repaired read runs on one thread.
    opts.push('ignore_errors = true', 'parallel = false');
    if (read.repair.padMissing) opts.push('null_padding = true');
  }
  const call = `read_csv(${[...opts, ...extra].join(', ')})`;
  if (read.rows === undefined && !read.drop?.length) return call;
  const select = read.drop?.length ? `* EXCLUDE (${read.drop.map(quoteIdent).join(', ')})` : '*';
  // One thread (a repaired read), so the first rows are the first table's.
  return `(SELECT ${select} FROM ${call}${read.rows === undefined ? '' : ` LIMIT ${read.rows}`})`;
}

/** The options DuckDB's sniffer takes for what is already known (the user's settings, or a chosen dialect). */
export interface SniffOptions {
  delimiter?: string;
  quote?: string;
  escape?: string;
  header?: boolean;
  skip?: number;
  encoding: DuckDbEncoding;
  nullString?: string;
  dateFormat?: string;
  maxLineSize?: number;
  /** Skip rows that do not fit while detecting: types then come from the good rows. */
  ignoreErrors?: boolean;
}

/** `path, delim = …, …` for sniff_csv and an auto-detecting read_csv. */
export function sniffArguments(path: string, o: SniffOptions): string {
  const opts = [quoteLiteral(path)];
  if (o.delimiter !== undefined) opts.push(`delim = ${quoteLiteral(o.delimiter)}`);
  if (o.quote !== undefined) opts.push(`quote = ${quoteLiteral(o.quote)}`);
  if (o.escape !== undefined) opts.push(`escape = ${quoteLiteral(o.escape)}`);
  if (o.header !== undefined) opts.push(`header = ${quoteLiteral(o.header)}`);
  if (o.skip !== undefined) opts.push(`skip = ${o.skip}`);
  if (o.encoding !== 'utf-8') opts.push(`encoding = ${quoteLiteral(o.encoding)}`);
  if (o.nullString !== undefined) opts.push(`nullstr = ${quoteLiteral(o.nullString)}`);
  if (o.dateFormat !== undefined) opts.push(`dateformat = ${quoteLiteral(o.dateFormat)}`);
  if (o.maxLineSize !== undefined) opts.push(`max_line_size = ${o.maxLineSize}`);
  if (o.ignoreErrors) opts.push('ignore_errors = true');
  return opts.join(', ');
}

/** A one-column read of the raw lines: no delimiter, quote or escape can split or join them. */
export function rawLinesCall(path: string, encoding: DuckDbEncoding, maxLineSize: number | undefined): string {
  // Four control characters in a row stand in for "no delimiter": DuckDB needs one, and text never holds this.
  const noDelimiter = '\u001f\u001e\u001d\u001c';
  const opts = [
    quoteLiteral(path),
    `columns = {'line': 'VARCHAR'}`,
    `delim = ${quoteLiteral(noDelimiter)}`,
    "quote = ''",
    "escape = ''",
    'header = false',
    'auto_detect = false',
    'strict_mode = false',
  ];
  if (encoding !== 'utf-8') opts.push(`encoding = ${quoteLiteral(encoding)}`);
  if (maxLineSize !== undefined) opts.push(`max_line_size = ${maxLineSize}`);
  return `SELECT ${quoteIdent('line')} FROM read_csv(${opts.join(', ')})`;
}
