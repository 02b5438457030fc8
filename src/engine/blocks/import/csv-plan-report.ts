/**
 * The report of a settled CSV read: the dialect as read, what the user set, the rows padded, rejected or skipped,
 * and the notes the user should see.
 */
import type { Column } from '../contract';
import type { BadLine, CheckResult } from './csv-check';
import type { CsvPlanIo } from './csv-plan';
import type { CsvRead } from './csv-read';
import { LISTED_LINES, clip, showChar, type CsvDialectReport, type CsvReadReport, type DialectPart, type FileLine } from './csv-report';
import { describeEncoding, type SourceEncoding } from '../../inputs/encoding';
import { rowProblem } from './csv-errors';
import { bestDelimiter, splitFields } from './line-profile';
import type { TableEnd } from './csv-shape';

const blank = (line: string): boolean => line.trim() === '';

const DIALECT_PARTS: DialectPart[] = ['delimiter', 'quote', 'escape', 'header', 'headerRows', 'skipRows', 'encoding', 'dateFormat'];

export type Retyped = CsvReadReport['textColumns'];

/** Everything the report is made of, once the read is settled. */
export interface ReportParts {
  io: CsvPlanIo;
  read: CsvRead;
  check: CheckResult;
  padMissing: boolean;
  lines: readonly string[];
  header: boolean;
  headerRows: number;
  headerLine: number | undefined;
  skip: number;
  lineEnding: CsvDialectReport['lineEnding'];
  retyped: Retyped;
  notes: string[];
  userDelimiter: string | undefined;
  /** Where the first table ends, when another follows it. */
  tableEnd?: TableEnd | undefined;
}

export function buildReport(p: ReportParts): CsvReadReport {
  const { io, read, check, header, headerRows, headerLine, notes } = p;
  const d = io.settings.csv;
  const rejected = p.padMissing ? [check.broken] : [check.broken, check.missing];
  const report: CsvReadReport = {
    dialect: {
      delimiter: read.delimiter,
      quote: read.quote,
      escape: read.escape,
      header,
      headerRows,
      skipRows: headerLine !== undefined && header ? headerLine : p.skip,
      lineEnding: p.lineEnding,
      encoding: io.encoding ? describeEncoding(io.encoding) : (d.encoding ?? 'utf-8'),
      ...(read.dateFormat !== undefined ? { dateFormat: read.dateFormat } : {}),
      ...(read.timestampFormat !== undefined ? { timestampFormat: read.timestampFormat } : {}),
    },
    setByUser: DIALECT_PARTS.filter((k) => d[k] !== undefined || (k === 'delimiter' && p.userDelimiter !== undefined)),
    mode: check.missing.count + check.broken.count > 0 ? 'repaired' : 'strict',
    checkedRows: check.rows,
    checkedWholeFile: check.wholeFile,
    padded: p.padMissing ? { count: check.missing.count, lines: check.missing.lines.map((l) => l.line) } : { count: 0, lines: [] },
    rejected: {
      count: rejected.reduce((n, b) => n + b.count, 0),
      rows: rejected
        .flatMap((b) => b.lines)
        .sort((a, b) => a.line - b.line)
        .slice(0, LISTED_LINES)
        .map((l) => ({ line: l.line, text: l.text, reason: reasonFor(l, read) })),
    },
    textColumns: p.retyped,
    skipped: skippedLines(p.lines, headerLine ?? p.skip, header ? headerRows - 1 : 0),
    notes,
  };
  notes.push(...p.retyped.map((r) => r.detail));
  const next = p.tableEnd?.next;
  if (next) {
    report.moreTables = [{ line: next.line, fields: next.fields, text: next.text, skipRows: next.line - 1 }];
    notes.push(
      `Line ${next.line} starts another table after a blank line (${next.fields} field${next.fields === 1 ? '' : 's'}: "${clip(next.text, 40)}"): only the first table, to line ${p.tableEnd!.lastLine}, is read. ` +
        `To import the other one, add another import of this file with ${next.line - 1} lines to skip (csv.skipRows: ${next.line - 1}).`,
    );
  }
  if (p.userDelimiter !== undefined && read.columns.length === 1) {
    const other = bestDelimiter(p.lines, { quote: read.quote });
    if (other && other.delimiter !== p.userDelimiter) {
      notes.push(`With the delimiter set to ${showChar(p.userDelimiter)}, each line is one field; the lines split into ${other.fields} fields on ${showChar(other.delimiter)}.`);
    }
  }
  addNotes(report, io.encoding, read.columns, d.dateFormat);
  return report;
}

export function reasonFor(l: BadLine, read: CsvRead): string {
  if (l.kinds.includes('UNQUOTED VALUE')) return 'a quote opens a field and is never closed, or a quote inside a field is not doubled';
  if (l.kinds.includes('TOO MANY COLUMNS') || l.kinds.includes('MISSING COLUMNS')) {
    const n = splitFields(l.text, read.delimiter, read.quote).length;
    return `${n} field${n === 1 ? '' : 's'} where the header has ${read.columns.length}`;
  }
  return rowProblem(l.message) ?? l.message;
}

function skippedLines(lines: readonly string[], headerLine: number, extraHeaders: number): FileLine[] {
  const preamble: FileLine[] = lines.slice(0, headerLine).flatMap((text, i) => (blank(text) ? [] : [{ line: i + 1, text, reason: 'before the header' }]));
  const extra: FileLine[] = [];
  for (let i = headerLine + 1; i < lines.length && extra.length < extraHeaders; i++) {
    if (!blank(lines[i]!)) extra.push({ line: i + 1, text: lines[i]!, reason: 'another header row' });
  }
  return [...preamble, ...extra];
}

/** The notes every reading gets where they apply: encoding, skipped lines, no data, a guessed date order. */
function addNotes(r: CsvReadReport, encoding: SourceEncoding | undefined, columns: Column[], chosenDateFormat: string | undefined): void {
  const d = r.dialect;
  if (encoding?.mixedLineEndings) r.notes.push('The file mixes line endings (CRLF with LF or CR), which DuckDB cannot read: it is read from a copy with LF line endings.');
  if (encoding && (encoding.encoding !== 'utf-8' || (encoding.transcoded && !encoding.mixedLineEndings))) {
    r.notes.push(`Encoding ${encoding.encoding} (${encoding.detected ? 'detected' : 'as set on the block'})${encoding.transcoded ? ', converted to UTF-8 before reading' : ''}.`);
  }
  const preamble = r.skipped.filter((l) => l.reason === 'before the header');
  if (d.skipRows > 0) {
    const shown = preamble.slice(0, 3).map((l) => `"${clip(l.text, 40)}"`).join(', ');
    r.notes.push(`${d.skipRows} line${d.skipRows === 1 ? '' : 's'} before the header ${d.skipRows === 1 ? 'is' : 'are'} skipped${shown ? `: ${shown}` : ''}.`);
  }
  for (const l of r.skipped.filter((x) => x.reason === 'another header row')) {
    r.notes.push(`Line ${l.line} ("${clip(l.text, 40)}") is another header row, not data; set Header rows to 1 to read it as data.`);
  }
  if (r.checkedRows === 0) {
    r.notes.push(d.header ? `0 data rows: the file has a header (${columns.map((c) => c.name).join(', ')}) and nothing else.` : '0 data rows.');
  }
  // Day and month first, in either order (`%d/%m/%Y`); an ISO `%Y-%m-%d` is not ambiguous.
  const ambiguous = d.dateFormat !== undefined && /^%[dm].%[md]/.test(d.dateFormat);
  if (ambiguous && chosenDateFormat === undefined) {
    const dayFirst = d.dateFormat!.indexOf('%d') < d.dateFormat!.indexOf('%m');
    r.notes.push(
      `Dates are read as ${dayFirst ? 'day/month/year' : 'month/day/year'} (${d.dateFormat}, detected). If they are ${dayFirst ? 'month/day/year' : 'day/month/year'}, choose the date order on the import block.`,
    );
  }
}
