/**
 * What the first lines of a CSV file say about its shape, beyond the delimiter: whether it is a table at all (JSON,
 * HTML, XML or a NUL byte are refused), where a second table starts after the first (a blank line, then lines with
 * another number of fields), and whether the delimiter is a comma followed by a space. Pure: it reads the lines the
 * plan sampled, so it costs no pass over the file.
 */
import { fail } from '../../errors/catalog';
import { notATableError, textContent } from '../../inputs/content-kind';
import { bestDelimiter, PROFILE_LINES, splitFields, type DelimiterFit } from './line-profile';

const blank = (line: string): boolean => line.trim() === '';

/** Refuses a file whose first lines are not CSV: JSON, HTML or XML (`E_NOT_A_TABLE`), or a NUL byte (`E_CSV_NUL_BYTE`). */
export function refuseNonTable(lines: readonly string[], subject: { name: string; file: string }): void {
  const other = textContent(lines);
  if (other) throw notATableError(subject.name, subject.file, other);
  const nul = lines.findIndex((l) => l.includes('\u0000'));
  if (nul >= 0) fail('E_CSV_NUL_BYTE', { name: subject.name, file: subject.file, line: nul + 1 });
}

/** Is each line's quote still open at its end? (A quoted field may hold line breaks.) */
function openAtEnd(lines: readonly string[], quote: string): boolean[] {
  let open = false;
  return lines.map((l) => {
    if (quote !== '') for (const ch of l) if (ch === quote) open = !open;
    return open;
  });
}

/** Where the first table of a file ends, when another follows it. Lines are 1-based. */
export interface TableEnd {
  /** The first table's last line. */
  lastLine: number;
  /** Data records of the first table from its first data line (blank lines not counted). */
  records: number;
  /** The first line of the next table, its field count and text. */
  next: { line: number; fields: number; text: string };
}

const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

/**
 * A row that names columns rather than holding values: every field filled and not a number, where the first
 * table's first data row has a number somewhere (so its own header reads apart from its data).
 */
function headerLike(fields: readonly string[], firstData: readonly string[] | undefined): boolean {
  const cells = fields.map((f) => f.trim());
  const named = cells.every((f) => f !== '' && !NUMBER.test(f)) && new Set(cells).size === cells.length;
  return named && firstData !== undefined && firstData.some((f) => NUMBER.test(f.trim()));
}

/** What the first table (header fields, first data row) is, to tell another table after a blank line from more rows. */
export interface FirstTable {
  fields: number;
  firstData: readonly string[] | undefined;
  delimiter: string;
  quote: string;
}

/**
 * Do the lines after a blank line (`after`, up to the next blank line or further) start another table? They do
 * when they all have one other field count and are two lines at least (a table) or the last text of the whole
 * file (a footer), or when the first is a header-like row followed by data (a table with as many columns). A lone
 * short row among data is a ragged row. `endsFile`: nothing follows `after`. Returns the first line's field count.
 */
export function startsAnotherTable(after: readonly string[], table: FirstTable, endsFile: boolean): number | undefined {
  const first = after[0];
  if (first === undefined || blank(first)) return undefined;
  const split = (l: string) => splitFields(l, table.delimiter, table.quote);
  const n = split(first).length;
  let k = 0;
  while (k < after.length && !blank(after[k]!) && split(after[k]!).length === n) k++;
  const run = k < after.length && !blank(after[k]!) ? 0 : k;
  if (n !== table.fields) {
    const footer = run === 1 && endsFile && after.slice(k).every(blank);
    return run >= 2 || footer ? n : undefined;
  }
  const rows = after.slice(1).findIndex(blank);
  const below = rows < 0 ? after.length - 1 : rows;
  return below >= 1 && headerLike(split(first), table.firstData) ? n : undefined;
}

/** The first table as the lines show it: its header's field count and its first data row. */
export function firstTableOf(lines: readonly string[], headerIndex: number, dataIndex: number, delimiter: string, quote: string): FirstTable {
  const header = lines[headerIndex] ?? '';
  const firstData = lines.slice(dataIndex).find((l) => !blank(l));
  return { fields: splitFields(header, delimiter, quote).length, firstData: firstData === undefined ? undefined : splitFields(firstData, delimiter, quote), delimiter, quote };
}

/** Is a column DuckDB typed as text all numbers in the sampled rows? Its sniffer then met text past them. */
export function numbersTypedAsText(columns: readonly { type: string }[], lines: readonly string[], dataIndex: number, delimiter: string, quote: string): boolean {
  const rows = lines.slice(dataIndex).filter((l) => !blank(l)).map((l) => splitFields(l, delimiter, quote)).filter((f) => f.length === columns.length);
  return columns.some((c, j) => c.type === 'VARCHAR' && rows.length > 0 && rows.every((f) => NUMBER.test(f[j]!.trim())));
}

/**
 * The end of the table whose header is at `headerIndex` (0-based), when a blank line is followed by another
 * table (see startsAnotherTable), or by a footer that ends the file. Undefined when the table runs on to the end of
 * the sampled lines.
 */
export function firstTableEnd(lines: readonly string[], headerIndex: number, dataIndex: number, delimiter: string, quote: string): TableEnd | undefined {
  if (lines[headerIndex] === undefined) return undefined;
  const table = firstTableOf(lines, headerIndex, dataIndex, delimiter, quote);
  const open = openAtEnd(lines, quote);
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (!blank(lines[i]!) || open[i - 1]) continue;
    let j = i;
    while (j < lines.length && blank(lines[j]!)) j++;
    // A blank run at the end of the sample: the table may go on past it, or the file ends there.
    if (j >= lines.length) return undefined;
    const n = startsAnotherTable(lines.slice(j), table, lines.length < PROFILE_LINES);
    if (n === undefined) {
      i = j;
      continue;
    }
    let last = i - 1;
    while (last > headerIndex && blank(lines[last]!)) last--;
    let records = 0;
    for (let k = dataIndex; k <= last; k++) if (!blank(lines[k]!) && !open[k]) records++;
    return { lastLine: last + 1, records, next: { line: j + 1, fields: n, text: lines[j]! } };
  }
  return undefined;
}

/**
 * A delimiter followed by a space on every line (`a, b, c`): the two characters are the delimiter, so no cell
 * starts with a space the file only put there for reading. Returns the delimiter to read with.
 */
export function withFollowingSpace(lines: readonly string[], from: number, delimiter: string, quote: string): string {
  if (delimiter.length !== 1 || delimiter === ' ' || delimiter === '\t') return delimiter;
  const text = lines.slice(from, from + 100).filter((l) => !blank(l));
  if (text.length < 2) return delimiter;
  const spaced = `${delimiter} `;
  const every = text.every((l) => {
    const n = splitFields(l, delimiter, quote).length;
    return n >= 2 && splitFields(l, spaced, quote).length === n;
  });
  return every ? spaced : delimiter;
}

/**
 * The first of several tables: the lines up to the blank line that ends the first run of at least three lines,
 * when a line with another field count under the run's delimiter follows it. Returns that run's delimiter fit,
 * which the plan prefers to the whole sample's (where a longer second table would win). A run of one or two lines
 * is a title or a preamble, not a table.
 */
export function firstTableFit(lines: readonly string[], options: { delimiter?: string; quote: string }): DelimiterFit | undefined {
  const start = lines.findIndex((l) => !blank(l));
  if (start < 0) return undefined;
  let end = start;
  while (end < lines.length && !blank(lines[end]!)) end++;
  let next = end;
  while (next < lines.length && blank(lines[next]!)) next++;
  if (end - start < 3 || next >= lines.length) return undefined;
  const fit = bestDelimiter(lines.slice(0, end), options);
  if (!fit || fit.delimiter === ' ' || fit.share < 1 || fit.firstLine !== start) return undefined;
  return splitFields(lines[next]!, fit.delimiter, options.quote).length !== fit.fields ? fit : undefined;
}

/**
 * Every line ends with the delimiter (`a,b,c,`): the empty field after it is no column. True when the header (if
 * any) and every sampled data line end with an empty field.
 */
export function trailingDelimiter(lines: readonly string[], from: number, to: number, delimiter: string, quote: string): boolean {
  const text = lines.slice(from, to).filter((l) => !blank(l));
  return text.length > 0 && text.every((l) => {
    const fields = splitFields(l, delimiter, quote);
    return fields.length >= 2 && fields[fields.length - 1]!.trim() === '' && l.trimEnd().endsWith(delimiter.trim() || delimiter);
  });
}
