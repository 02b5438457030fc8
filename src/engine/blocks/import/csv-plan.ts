/**
 * The adaptive CSV read policy, the same in the studio and the CLI. DuckDB's detection raises no error on many
 * malformed files: one ragged row or a stray quote and it reads every line into a single text column. Its relaxed
 * options rescue such files but alter clean ones (`strict_mode = false` runs a broken quote on into the next lines
 * without a word). So the policy:
 *
 * 1. reads the first lines raw and sniffs the file strictly, with the user's settings;
 * 2. recognises a collapse (one column where the lines have a consistent number of fields under some delimiter) and
 *    lines skipped as preamble that are data, and settles the dialect, keeping `quote = '"'` and `escape = '"'`
 *    unless the user or the file says otherwise;
 * 3. checks the whole file (up to CHECK_ROWS rows) strictly with DuckDB's rejects tables, and only then repairs:
 *    rows with too few fields are padded, rows with too many fields or a broken quote are left out, each with its
 *    line number. A quote that breaks more rows than it keeps is dropped ("proven otherwise"). Where the host keeps
 *    the file as a table (the CLI), it loads it strictly first, and a load that reads every line is the check.
 *
 * The result is a read with nothing left to detect (see CsvRead) and a report for the user (see CsvReadReport).
 */
import { SANDBOX_REFUSAL } from '../../sql/sandbox-refusal';
import { fail, isWrangleError, WrangleError } from '../../errors/catalog';
import type { Column } from '../contract';
import { checkRead, loadAsCheck, type CheckIo, type CheckResult } from './csv-check';
import type { CsvDialect, ImportFormat } from './csv-dialect';
import { castFailure, explainCsvError, lineTooLong, scrubPath, undecodableLine } from './csv-errors';
import { firstTableEnd, firstTableFit, firstTableOf, numbersTypedAsText, refuseNonTable, trailingDelimiter, withFollowingSpace } from './csv-shape';
import { tableEndPastSample } from './csv-table-break';
import { keepWrittenForm } from './csv-written-form';
import { readCsvCall, type CsvRead, type SniffOptions } from './csv-read';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { showChar, type CsvReadReport } from './csv-report';
import { sampleLines, sniff, type Sniffed } from './csv-sniff';
import type { CsvEncodingChoice, DuckDbEncoding, SourceEncoding } from '../../inputs/encoding';
import { buildReport, reasonFor, type Retyped } from './csv-plan-report';
import { bestDelimiter, extraHeaderRows, PROFILE_LINES, type DelimiterFit } from './line-profile';

/** The rows DuckDB's sniffer reads by default (its sample_size). */
const SNIFF_ROWS = 20_480;

/** The import block's settings the policy reads (its params, by the same names and types). */
export interface CsvImportSettings {
  input: string;
  file: string;
  format: ImportFormat;
  csv: CsvDialect;
}

export interface CsvPlanIo extends CheckIo {
  /** The engine path of the file. */
  path: string;
  settings: CsvImportSettings;
  /** How the host resolved the file's encoding; absent, the block's choice is handed to DuckDB as it is. */
  encoding: SourceEncoding | undefined;
  /** Loads the file as a read says, as the block's result, returning its rows (see loadAsCheck). */
  load?: (read: CsvRead) => Promise<number>;
}

export interface CsvPlan {
  read: CsvRead;
  report: CsvReadReport;
}


/** The DuckDB encoding to use when no host looked at the bytes (tests that read a file directly). */
function encodingWithoutHost(choice: CsvEncodingChoice | undefined): DuckDbEncoding {
  return choice === 'utf-16' ? 'utf-16' : choice === 'latin-1' || choice === 'windows-1252' ? 'latin-1' : 'utf-8';
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const blank = (line: string): boolean => line.trim() === '';

/** Plans how to read a CSV file: see the file comment. Throws a coded error the user can act on. */
export async function planCsvRead(io: CsvPlanIo): Promise<CsvPlan> {
  const s = io.settings;
  const readAs = io.encoding?.readAs ?? encodingWithoutHost(s.csv.encoding);
  const subject = { name: s.input, file: s.file, encoding: io.encoding?.encoding ?? s.csv.encoding ?? 'utf-8' };
  try {
    return await plan(io, readAs);
  } catch (e) {
    // What the sandbox refused stays the sandbox's to say.
    if (isWrangleError(e) || !(e instanceof Error) || SANDBOX_REFUSAL.test(e.message)) throw e;
    // Whatever DuckDB said, the user sees a coded error that names their file, never the engine's copy of it.
    const message = scrubPath(e.message, io.path, s.file);
    const explained = explainCsvError(message, subject, s.csv.maxLineSize, s.csv.quote);
    if (explained?.code === 'E_CSV_ENCODING' && explained.args.line === undefined) {
      const line = await undecodableLine(io.query, io.path, readAs);
      if (line !== undefined) throw new WrangleError('E_CSV_ENCODING', { name: s.input, file: s.file, encoding: subject.encoding, line });
    }
    throw explained ?? new WrangleError('E_INPUT_READ', { name: s.input, file: s.file, detail: message.split('\n')[0]! });
  }
}

async function plan(io: CsvPlanIo, readAs: DuckDbEncoding): Promise<CsvPlan> {
  const { settings: s, path } = io;
  const d = s.csv;
  const notes: string[] = [];
  const userDelimiter = d.delimiter ?? (s.format === 'tsv' ? '\t' : undefined);
  const known = { encoding: readAs, ...(d.nullString !== undefined ? { nullString: d.nullString } : {}), ...(d.maxLineSize !== undefined ? { maxLineSize: d.maxLineSize } : {}) };

  const lines = await sampleLines(io.query, path, readAs, d.maxLineSize);
  if (lines.every(blank)) fail('E_INPUT_EMPTY', { name: s.input, file: s.file, detail: 'the file holds no text, not even a header' });
  refuseNonTable(lines, { name: s.input, file: s.file });

  // 1. DuckDB's own answer, with the user's settings.
  const userSniff: SniffOptions = {
    ...known,
    ...(userDelimiter !== undefined ? { delimiter: userDelimiter } : {}),
    ...(d.quote !== undefined ? { quote: d.quote } : {}),
    ...(d.escape !== undefined ? { escape: d.escape } : {}),
    ...(d.header !== undefined ? { header: d.header } : {}),
    ...(d.skipRows !== undefined ? { skip: d.skipRows } : {}),
    ...(d.dateFormat !== undefined ? { dateFormat: d.dateFormat } : {}),
  };
  let strictError = '';
  const strict = await sniff(io.query, path, userSniff).catch((e: unknown) => {
    strictError = scrubPath(e instanceof Error ? e.message.split('\n')[0]! : String(e), path, s.file);
    return undefined;
  });

  // 2. The lines' own answer, and the dialect.
  const fitOptions = { ...(userDelimiter !== undefined ? { delimiter: userDelimiter } : {}), quote: d.quote ?? (strict?.quote || '"') };
  // Several tables, one after the other: the first one is the table, whichever is longer.
  const firstTable = d.skipRows === undefined ? firstTableFit(lines, fitOptions) : undefined;
  const fit = firstTable ?? bestDelimiter(lines, fitOptions);
  // Kept: the sniffer's dialect, unless it collapsed (one column where the lines have more) or failed.
  const collapsed = fit && strict && strict.columns.length <= 1 && fit.fields >= 2;
  const otherTable = firstTable && strict && (strict.delimiter !== firstTable.delimiter || strict.columns.length !== firstTable.fields);
  const kept = strict && !collapsed && !otherTable ? strict : undefined;
  let delimiter: string;
  let skip: number;
  if (kept) {
    delimiter = userDelimiter ?? kept.delimiter;
    skip = d.skipRows ?? kept.skip;
    if (d.skipRows === undefined && fit && fit.delimiter === delimiter && fit.firstLine < skip) {
      notes.push(`DuckDB's detection skipped ${skip} lines, but lines from ${fit.firstLine + 1} on already have the ${fit.fields} fields of the data: only ${fit.firstLine} are skipped.`);
      skip = fit.firstLine;
    }
  } else if (fit) {
    notes.push(collapseNote(fit, strict, strictError));
    delimiter = fit.delimiter;
    skip = d.skipRows ?? fit.firstLine;
  } else {
    return fail('E_INPUT_READ', { name: s.input, file: s.file, detail: `no delimiter splits its lines consistently (${strictError}). Set the delimiter on the import block.` });
  }
  const sniffedQuote = kept?.quote ?? '';
  const quote = d.quote ?? (sniffedQuote !== '' ? sniffedQuote : '"');
  const escape = d.escape ?? (kept && sniffedQuote === quote && kept.escape !== '' ? kept.escape : quote);
  if (userDelimiter === undefined) delimiter = withFollowingSpace(lines, skip, delimiter, quote);

  // 3. Names and types, as DuckDB detects them for that dialect (from the rows that fit it).
  const dialect: SniffOptions = { ...known, delimiter, quote, escape, skip, ...(d.dateFormat !== undefined ? { dateFormat: d.dateFormat } : {}) };
  const sameAsStrict = kept && kept.delimiter === delimiter && kept.skip === skip && (kept.quote === quote || kept.quote === '');
  const schema = sameAsStrict ? kept : await schemaSniff(io, { ...dialect, ...(d.header !== undefined ? { header: d.header } : {}) }, notes);
  const header = d.header ?? schema.header;

  const headerLine = firstTextLine(lines, skip);
  const dataLines = headerLine === undefined ? [] : lines.slice(headerLine + 1);
  const headerRows = !header ? 1 : (d.headerRows ?? 1 + extraHeaderRows(dataLines, delimiter, quote));
  let columns = schema.columns;
  if (headerRows > 1) columns = await typesBelowHeader(io, dialect, columns, (headerLine ?? skip) + headerRows - 1);
  const dataIndex = header ? (headerLine ?? skip) + headerRows : skip;
  let tableEnd = firstTableEnd(lines, header ? (headerLine ?? skip) : skip, dataIndex, delimiter, quote);
  const firstShape = firstTableOf(lines, header ? (headerLine ?? skip) : skip, dataIndex, delimiter, quote);
  const pastSample = (toLine: number) =>
    tableEndPastSample({ query: io.query, path, encoding: readAs, maxLineSize: d.maxLineSize, fromLine: lines.length + 1, toLine, firstDataLine: dataIndex + 1, table: firstShape });
  const sampleFull = lines.length >= PROFILE_LINES && header;
  // A column of numbers in the sample that DuckDB typed as text: its sniffer met text further on, which may be the
  // header of a table with as many columns.
  if (!tableEnd && sampleFull && numbersTypedAsText(columns, lines, dataIndex, delimiter, quote)) tableEnd = await pastSample(SNIFF_ROWS + dataIndex);
  const written = keepWrittenForm({ columns, lines, from: dataIndex, to: tableEnd?.lastLine ?? lines.length, delimiter, quote, userDateFormat: d.dateFormat, detectedDateFormat: schema.dateFormat });
  columns = withTextColumns(written.columns, d.textColumns ?? []);

  const usesDates = columns.some((c) => c.type === 'DATE');
  const usesTimestamps = columns.some((c) => c.type.startsWith('TIMESTAMP'));
  // The dates and timestamps still typed are in ISO form (see keepWrittenForm): read with DuckDB's own ISO parsing,
  // not with a format the sniffer found in another column that stays text.
  const iso = (format: string | undefined) => (format?.startsWith('%Y-%m-%d') ? format : undefined);
  const dateFormat = d.dateFormat ?? (usesDates ? iso(schema.dateFormat) : undefined);
  const timestampFormat = usesTimestamps ? iso(schema.timestampFormat) : undefined;
  let read: CsvRead = {
    delimiter,
    quote,
    escape,
    header,
    skip: header ? (headerLine ?? skip) + headerRows - 1 : skip,
    columns,
    encoding: readAs,
    ...(d.nullString !== undefined ? { nullString: d.nullString } : {}),
    ...(dateFormat !== undefined ? { dateFormat } : {}),
    ...(timestampFormat !== undefined ? { timestampFormat } : {}),
    ...(d.maxLineSize !== undefined ? { maxLineSize: d.maxLineSize } : {}),
    ...(tableEnd ? { lastLine: tableEnd.lastLine } : {}),
  };
  if (tableEnd && tableEnd.next.fields === columns.length) read = { ...read, columns: await firstTableTypes(io, read, tableEnd.records) };
  const tableLines = [header ? (headerLine ?? skip) : dataIndex, tableEnd?.lastLine ?? lines.length] as const;
  if (columns.length >= 2 && trailingDelimiter(lines, ...tableLines, delimiter, quote)) {
    read = { ...read, drop: [columns[columns.length - 1]!.name] };
    notes.push(`Every line ends with ${showChar(delimiter)}: the empty field after it is not read as a column.`);
  }

  // 4. The check, then the repair. Where the host keeps the file as a table, a strict load that succeeds is the check.
  const loaded = io.load && !tableEnd ? await loadAsCheck(io.load, read) : undefined;
  let retyped: Retyped = [];
  let { check, read: checked } = loaded ? { check: loaded, read } : await checkRetyping(io, read, retyped);
  // The first row past the sample that does not fit may start another table: look for one up to it.
  const odd = firstOddLine(check, retyped);
  const further = !tableEnd && sampleFull && odd !== undefined && odd > lines.length ? await pastSample(odd) : undefined;
  if (further) {
    tableEnd = further;
    if (further.next.fields === columns.length) read = { ...read, columns: await firstTableTypes(io, read, further.records) };
    read = { ...read, lastLine: further.lastLine };
    retyped = [];
    ({ check, read: checked } = await checkRetyping(io, read, retyped));
  }
  read = checked;
  if (d.quote === undefined && quote !== '' && check.broken.lines.some((l) => l.kinds.includes('UNQUOTED VALUE'))) {
    const retypedUnquoted: Retyped = [];
    const other = await checkRetyping(io, { ...read, quote: '', escape: '' }, retypedUnquoted);
    if (other.check.rows > check.rows) {
      notes.push(`Quotes are read as ordinary characters: with ${showChar(quote)} as the quote, ${check.rows} rows read well; without quoting, ${other.check.rows}.`);
      ({ check, read: checked } = other);
      read = checked;
      retyped.push(...retypedUnquoted);
    }
  }
  const longLine = check.tooLong.lines[0];
  if (longLine) throw lineTooLong({ name: s.input, file: s.file }, longLine.line, longLine.message, d.maxLineSize);
  const badByte = check.badEncoding.lines[0];
  if (badByte) fail('E_CSV_ENCODING', { name: s.input, file: s.file, encoding: io.encoding?.encoding ?? d.encoding ?? 'utf-8', line: badByte.line });

  const badRows = d.badRows ?? 'pad';
  const firstBad = [...check.missing.lines, ...check.broken.lines].sort((a, b) => a.line - b.line)[0];
  if (firstBad && badRows === 'fail') {
    fail('E_CSV_BAD_ROWS', { name: s.input, file: s.file, line: firstBad.line, reason: reasonFor(firstBad, read) });
  }
  const padMissing = badRows === 'pad' && check.missing.count > 0;
  if (firstBad || tableEnd) read = { ...read, repair: { padMissing } };
  // The rows of the first table only: what follows it is another table (see the report's notes).
  // Counted from the file's lines, as the rows after the first table may read as rows too (as many columns).
  if (tableEnd) read = { ...read, rows: tableEnd.records - check.broken.count - (padMissing ? 0 : check.missing.count) };
  const lineEnding = (strict ?? schema).lineEnding;
  const report = buildReport({ io, read, check, padMissing, lines, header, headerRows, headerLine, skip, lineEnding, retyped: [...written.why, ...retyped], notes, userDelimiter, tableEnd });
  return { read, report };
}

function collapseNote(fit: DelimiterFit, strict: Sniffed | undefined, strictError: string): string {
  const found = `${percent(fit.share)} of the first lines have ${fit.fields} fields separated by ${showChar(fit.delimiter)}`;
  return strict
    ? `DuckDB's detection read every line into one column, but ${found}: the file is read with that delimiter.`
    : `DuckDB's detection failed (${strictError}), but ${found}: the file is read with that delimiter.`;
}

/** Detects names and types for a settled dialect, skipping rows that do not fit it; with quotes ignored if need be. */
async function schemaSniff(io: CsvPlanIo, dialect: SniffOptions, notes: string[]): Promise<Sniffed> {
  try {
    return await sniff(io.query, io.path, { ...dialect, ignoreErrors: true });
  } catch (first) {
    // A broken quote can defeat the sniffer even when told to skip bad rows; the types of the other rows still show.
    const unquoted = await sniff(io.query, io.path, { ...dialect, quote: '', escape: '', ignoreErrors: true }).catch(() => undefined);
    if (!unquoted) throw first;
    notes.push('Column types were detected with quotes ignored: with quoting, no consistent reading of the first rows was found.');
    return { ...unquoted, columns: unquoted.columns.map((c) => ({ ...c, name: unquote(c.name, dialect.quote ?? '"') })) };
  }
}

const unquote = (name: string, quote: string): string =>
  quote !== '' && name.length >= 2 && name.startsWith(quote) && name.endsWith(quote) ? name.slice(1, -1).replaceAll(quote + quote, quote) : name;

/** With several header rows, the types come from the rows below the last one (the names from the first). */
async function typesBelowHeader(io: CsvPlanIo, dialect: SniffOptions, named: Column[], lastHeaderLine: number): Promise<Column[]> {
  const below = await sniff(io.query, io.path, { ...dialect, header: true, skip: lastHeaderLine, ignoreErrors: true }).catch(() => undefined);
  const types = below && below.columns.length === named.length ? below.columns.map((c) => c.type) : named.map(() => 'VARCHAR');
  return named.map((c, i) => ({ name: c.name, type: types[i]! }));
}

function withTextColumns(columns: Column[], text: readonly string[]): Column[] {
  for (const name of text) {
    if (!columns.some((c) => c.name === name)) {
      const available = columns.map((c) => JSON.stringify(c.name)).join(', ') || '(none)';
      fail('E_COLUMN_MISSING', { column: name, where: 'the file (csv.textColumns)', available });
    }
  }
  return columns.map((c) => (text.includes(c.name) ? { ...c, type: 'VARCHAR' } : c));
}

/**
 * Checks the read, and reads as text any column with a value that does not fit its detected type (a value past the
 * rows the sniffer sampled), then checks again. Returns the check and the read it holds for.
 */
async function checkRetyping(io: CsvPlanIo, first: CsvRead, retyped: Retyped): Promise<{ check: CheckResult; read: CsvRead }> {
  let read = first;
  for (let round = 0; ; round++) {
    const check = await checkRead(io, io.path, read);
    const retype = check.castColumns.filter((c) => read.columns.some((col) => col.name === c.column && col.type !== 'VARCHAR'));
    if (retype.length === 0 || round === 2) return { check, read };
    for (const c of retype) {
      const cast = castFailure(c.message);
      const what = cast ? `"${cast.value}", which is not a ${cast.type}` : `a value that does not fit its type (${c.message})`;
      retyped.push({ column: c.column, line: c.line, detail: `Column "${c.column}" is read as text: line ${c.line} has ${what}.` });
    }
    read = { ...read, columns: read.columns.map((col) => (retype.some((c) => c.column === col.name) ? { ...col, type: 'VARCHAR' } : col)) };
  }
}

/** Number shapes, as the types block reads them: a leading zero (`007`) is an identifier and stays text. */
const NUMBER_TYPES: { type: string; shape: string }[] = [
  { type: 'BIGINT', shape: '[+-]?(0|[1-9][0-9]*)' },
  { type: 'DOUBLE', shape: '[+-]?((0|[1-9][0-9]*)([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?' },
];

/**
 * The types of the first table's rows, when the rows after it would read as rows too (as many columns): DuckDB's
 * sniffer saw the second table's header in the first one's number columns and typed them text. A text column whose
 * first-table values are all numbers is read as numbers.
 */
async function firstTableTypes(io: CsvPlanIo, read: CsvRead, records: number): Promise<Column[]> {
  const text = read.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'VARCHAR');
  if (text.length === 0 || records === 0) return read.columns;
  const asText: CsvRead = { ...read, columns: read.columns.map((c) => ({ ...c, type: 'VARCHAR' })), rows: records, repair: { padMissing: false } };
  delete asText.drop;
  const tests = text.flatMap(({ c, i }) =>
    NUMBER_TYPES.map(({ type, shape }) => `bool_and(regexp_full_match(trim(${quoteIdent(c.name)}), ${quoteLiteral(shape)})) FILTER (WHERE trim(${quoteIdent(c.name)}) <> '') AS ${quoteIdent(`c${i}_${type}`)}`),
  );
  const row = (await io.query(`SELECT ${tests.join(', ')} FROM ${readCsvCall(io.path, asText)}`))[0] ?? {};
  return read.columns.map((c, i) => ({ ...c, type: NUMBER_TYPES.find(({ type }) => c.type === 'VARCHAR' && row[`c${i}_${type}`] === true)?.type ?? c.type }));
}

/** The first line the check found that does not fit the read: a row with other fields, or a value of another type. */
function firstOddLine(check: CheckResult, retyped: Retyped): number | undefined {
  const lines = [check.missing.lines[0]?.line, check.broken.lines[0]?.line, ...retyped.map((r) => r.line)].filter((l): l is number => l !== undefined);
  return lines.length > 0 ? Math.min(...lines) : undefined;
}

function firstTextLine(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) if (!blank(lines[i]!)) return i;
  return undefined;
}

