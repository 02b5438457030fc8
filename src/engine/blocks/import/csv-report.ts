/**
 * What the import block tells the user about how it read a CSV file: the dialect it settled on (each part detected
 * or set on the block), and every row it padded, rejected or skipped, with line numbers. The studio shows it on the
 * block and above the preview; the CLI prints it. Plain data: it crosses the worker boundary as it is.
 */

/** The dialect parts a user can set on the import block, by their param name. */
export type DialectPart = 'delimiter' | 'quote' | 'escape' | 'header' | 'headerRows' | 'skipRows' | 'encoding' | 'dateFormat';

export interface CsvDialectReport {
  delimiter: string;
  /** `''`: no quoting. */
  quote: string;
  escape: string;
  header: boolean;
  /** Header rows; the column names come from the first. */
  headerRows: number;
  /** Lines skipped before the header (a preamble). */
  skipRows: number;
  lineEnding: 'LF' | 'CRLF' | 'CR';
  /** As the file is, e.g. `windows-1252, converted to UTF-8` or `utf-8 (BOM)`. */
  encoding: string;
  /** The strptime pattern dates are read with, when a column is read as dates. */
  dateFormat?: string;
  timestampFormat?: string;
}

/** A line of the file that is not in the result, with why. */
export interface FileLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  reason: string;
}

/** At most this many lines of each kind are listed; the counts are exact. */
export const LISTED_LINES = 100;

export interface CsvReadReport {
  dialect: CsvDialectReport;
  /** Parts of the dialect the import block sets; the others were detected. */
  setByUser: DialectPart[];
  /** `strict`: every row read as the dialect says. `repaired`: rows were padded or rejected to read the rest. */
  mode: 'strict' | 'repaired';
  /** Data rows checked for malformed lines, and whether that was the whole file (a very large one is checked in part). */
  checkedRows: number;
  checkedWholeFile: boolean;
  /** Rows with too few fields, padded with NULLs. */
  padded: { count: number; lines: number[] };
  /** Rows left out: too many fields, a broken quote. */
  rejected: { count: number; rows: FileLine[] };
  /**
   * Columns read as text that look like another type, with why: a value past the sampled rows did not fit the
   * detected type, or the values are written in a form the type would change (`28/01/2018`, `007`, `$1.50`).
   * `reason` is the short form (`dates written DD/MM/YYYY`, `leading zeros`, `currency sign`).
   */
  textColumns: { column: string; line: number; reason?: string; detail: string }[];
  /** Preamble lines and extra header rows, which are not data. */
  skipped: FileLine[];
  /**
   * Further tables in the file after the first (which is the one read): where each starts, its field count and first
   * line, and the `csv.skipRows` that imports it. Absent when the file holds one table.
   */
  moreTables?: { line: number; fields: number; text: string; skipRows: number }[];
  /** Sentences for the user: each correction made and anything to check (0 data rows, a guessed date order). */
  notes: string[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The banner's headline, e.g. `2 rows padded / 1 row rejected`, or undefined when nothing was repaired. */
export function repairHeadline(r: CsvReadReport): string | undefined {
  if (r.padded.count === 0 && r.rejected.count === 0) return undefined;
  return `${plural(r.padded.count, 'row')} padded / ${plural(r.rejected.count, 'row')} rejected`;
}

const NAMED: Readonly<Record<string, string>> = { '': 'none', '\t': 'tab', ' ': 'space', '"': 'double quote (")', "'": "single quote (')", '\\': 'backslash (\\)' };

/** How a delimiter, quote or escape reads in a sentence: `tab`, `double quote (")`, `";"`. */
export function showChar(c: string): string {
  return NAMED[c] ?? `"${c}"`;
}

/** One line with the whole dialect, e.g. `delimiter ";", quote """, …, encoding utf-8`. */
export function dialectLine(d: CsvDialectReport): string {
  const header = d.header ? (d.headerRows > 1 ? `${d.headerRows} header rows` : 'header row') : 'no header';
  const parts = [`delimiter ${showChar(d.delimiter)}`, `quote ${showChar(d.quote)}`, `escape ${showChar(d.escape)}`, header];
  if (d.skipRows > 0) parts.push(`${plural(d.skipRows, 'line')} skipped before the header`);
  parts.push(`${d.lineEnding} line endings`, `encoding ${d.encoding}`);
  if (d.dateFormat) parts.push(`dates ${d.dateFormat}`);
  return parts.join(', ');
}

const listLines = (lines: readonly number[], count: number): string =>
  `${lines.slice(0, 10).join(', ')}${count > Math.min(lines.length, 10) ? `, … (${count.toLocaleString('en-US')} in all)` : ''}`;

/**
 * The report as plain lines for a terminal: the dialect, then what was corrected, then each rejected row (the first
 * few). Empty for a clean file read exactly as detected, so logs of good data stay quiet.
 */
export function csvReportLines(r: CsvReadReport, maxRows = 5): string[] {
  const repaired = r.padded.count > 0 || r.rejected.count > 0;
  if (!repaired && r.notes.length === 0 && r.skipped.length === 0 && r.textColumns.length === 0) return [];
  const lines = [`read as: ${dialectLine(r.dialect)}`, ...r.notes];
  if (r.padded.count > 0) lines.push(`${plural(r.padded.count, 'row')} padded with NULLs (too few fields): line ${listLines(r.padded.lines, r.padded.count)}`);
  if (r.rejected.count > 0) {
    lines.push(`${plural(r.rejected.count, 'row')} rejected:`);
    for (const row of r.rejected.rows.slice(0, maxRows)) lines.push(`  line ${row.line}: ${row.reason}: ${clip(row.text)}`);
    if (r.rejected.count > maxRows) lines.push(`  … and ${plural(r.rejected.count - maxRows, 'more row')}`);
  }
  return lines;
}

/** A line of the file shortened for display, with its line breaks shown. */
export function clip(text: string, max = 120): string {
  const flat = text.replace(/\r\n|\r|\n/g, '⏎');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
