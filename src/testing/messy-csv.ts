/**
 * The messy CSV corpus (`sample-data/messy/`), case by case: what an import of each file must give. Written once
 * and run against both hosts: the CLI's (its input files and native DuckDB) and the studio's (its engine session on
 * duckdb-wasm's Node build), so a file reads the same in both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CsvDialectReport, CsvReadReport } from '../engine/blocks/import/csv-report';
import type { Column } from '../engine/blocks/contract';
import type { SqlValue } from '../engine/sql/sql-runner';
import { repoRoot } from './run-cli';

export const MESSY_DIR = join(repoRoot, 'sample-data', 'messy');

/** What an import of one file gave: its columns, every row (in file order) and the read report, or its error. */
export type ImportOutcome =
  | { columns: Column[]; rows: Record<string, SqlValue>[]; csv: CsvReadReport | undefined }
  | { error: { code: string; message: string } };

export interface MessyReader {
  /** Imports one corpus file through the host's own input handling, with the import block's settings. */
  read(file: string, settings: { format: 'csv' | 'tsv'; csv: Record<string, unknown> }): Promise<ImportOutcome>;
  close(): void;
}

interface Expected {
  columns: string[];
  /** DuckDB types, where the case is about them. */
  types?: string[];
  rows: number;
  /** A few cells: [row index, column, value]. */
  cells: [number, string, SqlValue][];
  dialect?: Partial<CsvDialectReport>;
  /** Line numbers padded and rejected (default: none). */
  padded?: number[];
  rejected?: number[];
  /** Lines skipped before the header or as extra header rows. */
  skipped?: number[];
  notes?: RegExp[];
}

export interface MessyCase {
  file: string;
  /** The case of the issue it covers. */
  label: string;
  format?: 'tsv';
  csv?: Record<string, unknown>;
  expect: Expected | { error: string; mentions: string[] };
}

const lineEndings = (file: string, lineEnding: CsvDialectReport['lineEnding']): MessyCase => ({
  file,
  label: `${lineEnding} line endings`,
  expect: { columns: ['a', 'b'], types: ['BIGINT', 'VARCHAR'], rows: 2, cells: [[0, 'b', 'x'], [1, 'a', 2], [1, 'b', 'y']], dialect: { lineEnding } },
});

const encoded = (file: string, encoding: RegExp, csv: Record<string, unknown> = {}): MessyCase => ({
  file,
  label: `encoding ${String(encoding)}${Object.keys(csv).length ? ' (chosen)' : ''}`,
  csv,
  expect: {
    columns: ['id', 'name'],
    types: ['BIGINT', 'VARCHAR'],
    rows: 3,
    cells: [[0, 'name', 'Zoë'], [1, 'name', 'Müller'], [2, 'name', '€uro']],
    dialect: { encoding: expect.stringMatching(encoding) as unknown as string },
  },
});

export const MESSY_CASES: MessyCase[] = [
  {
    file: 'comma.csv',
    label: 'RFC 4180: a quoted comma and doubled quotes stay exact',
    expect: { columns: ['id', 'name', 'note', 'score'], rows: 3, cells: [[0, 'note', 'likes "quotes"'], [1, 'note', 'Smith, Jr.'], [1, 'score', 2.25]], dialect: { delimiter: ',', quote: '"', escape: '"' } },
  },
  { file: 'semicolon.csv', label: 'delimiter ;', expect: { columns: ['id', 'city', 'temp'], rows: 3, cells: [[1, 'city', 'Genève'], [2, 'temp', 9]], dialect: { delimiter: ';' } } },
  { file: 'pipe.csv', label: 'delimiter |', expect: { columns: ['id', 'product', 'qty'], rows: 3, cells: [[1, 'product', 'coffee'], [1, 'qty', 10]], dialect: { delimiter: '|' } } },
  {
    file: 'tab.tsv',
    label: 'delimiter tab, as TSV',
    format: 'tsv',
    expect: { columns: ['id', 'name', 'comment'], rows: 3, cells: [[0, 'comment', 'hello, world'], [1, 'comment', 'semi;colon']], dialect: { delimiter: '\t' } },
  },
  { file: 'tab.tsv', label: 'delimiter tab, detected', expect: { columns: ['id', 'name', 'comment'], rows: 3, cells: [[2, 'comment', 'pipe|here']], dialect: { delimiter: '\t' } } },
  {
    file: 'space.txt',
    label: 'delimiter space (DuckDB collapses it to one column)',
    expect: { columns: ['id', 'name', 'score'], types: ['BIGINT', 'VARCHAR', 'DOUBLE'], rows: 3, cells: [[1, 'name', 'Bob'], [2, 'score', 3.5]], dialect: { delimiter: ' ' }, notes: [/one column/] },
  },
  {
    file: 'single-quotes.csv',
    label: 'single quotes',
    expect: { columns: ['id', 'name', 'city'], rows: 3, cells: [[0, 'name', 'Smith, John'], [1, 'city', 'York']], dialect: { quote: "'" } },
  },
  {
    file: 'backslash-escape.csv',
    label: 'backslash escapes',
    expect: { columns: ['id', 'quote', 'author'], rows: 3, cells: [[0, 'quote', 'He said "hi" twice'], [1, 'quote', 'plain, with comma'], [2, 'quote', 'a "b"']], dialect: { escape: '\\' } },
  },
  {
    file: 'no-quotes.csv',
    label: 'no quoting, quote marks inside fields',
    expect: { columns: ['id', 'item', 'size'], rows: 3, cells: [[0, 'item', 'TV 24" wide'], [1, 'item', "O'Brien's desk"], [2, 'item', '5\'11" shelf']] },
  },
  {
    file: 'unescaped-quote.csv',
    label: 'an unescaped quote in a field: that row rejected, the quoted comma elsewhere kept',
    expect: { columns: ['id', 'title', 'year'], types: ['BIGINT', 'VARCHAR', 'BIGINT'], rows: 3, cells: [[0, 'title', 'Casablanca, the film'], [1, 'id', 3], [2, 'title', 'Psycho']], rejected: [3], dialect: { quote: '"' } },
  },
  {
    file: 'unescaped-quote-unquoted-file.csv',
    label: 'an unescaped quote in a file without quoting: quotes read as text',
    expect: { columns: ['id', 'title', 'year'], rows: 4, cells: [[1, 'title', '"The "Best" Years'], [3, 'year', 1960]], dialect: { quote: '' }, notes: [/ordinary characters/] },
  },
  lineEndings('lf.csv', 'LF'),
  lineEndings('crlf.csv', 'CRLF'),
  lineEndings('cr.csv', 'CR'),
  lineEndings('no-final-newline.csv', 'LF'),
  lineEndings('crlf-no-final-newline.csv', 'CRLF'),
  {
    file: 'preamble.csv',
    label: 'preamble lines before the header',
    expect: { columns: ['region', 'units', 'revenue'], rows: 2, cells: [[0, 'region', 'North'], [1, 'revenue', 70.25]], dialect: { skipRows: 3 }, skipped: [1, 2], notes: [/3 lines before the header are skipped/] },
  },
  {
    file: 'preamble-ragged.csv',
    label: 'a preamble and a short row (DuckDB collapses it to one column)',
    expect: { columns: ['sku', 'qty', 'bin'], rows: 3, cells: [[1, 'sku', 'B2'], [1, 'bin', null], [2, 'bin', 9]], dialect: { skipRows: 2 }, padded: [5], skipped: [1] },
  },
  {
    file: 'two-header-rows.csv',
    label: 'two header rows (names, then units)',
    expect: { columns: ['name', 'weight', 'height'], types: ['VARCHAR', 'DOUBLE', 'BIGINT'], rows: 3, cells: [[0, 'name', 'Ann'], [0, 'weight', 61.5], [2, 'height', 175]], dialect: { headerRows: 2 }, skipped: [2], notes: [/another header row/] },
  },
  {
    file: 'two-header-rows.csv',
    label: 'two header rows, read as one on request',
    csv: { headerRows: 1 },
    expect: { columns: ['name', 'weight', 'height'], types: ['VARCHAR', 'VARCHAR', 'VARCHAR'], rows: 4, cells: [[0, 'weight', 'kg'], [1, 'weight', '61.5']] },
  },
  { file: 'header-only.csv', label: 'a header and no rows', expect: { columns: ['id', 'name', 'score'], rows: 0, cells: [], notes: [/^0 data rows: the file has a header \(id, name, score\)/] } },
  { file: 'empty.csv', label: 'an empty file', expect: { error: 'E_INPUT_EMPTY', mentions: ['0 data rows', 'empty'] } },
  {
    file: 'missing-fields.csv',
    label: 'rows with missing fields, padded',
    expect: { columns: ['id', 'name', 'score'], types: ['BIGINT', 'VARCHAR', 'DOUBLE'], rows: 5, cells: [[1, 'name', 'Bob'], [1, 'score', null], [3, 'name', null], [4, 'score', 5.5]], padded: [3, 5], notes: [/one column/] },
  },
  {
    file: 'missing-fields.csv',
    label: 'rows with missing fields, rejected on request',
    csv: { badRows: 'reject' },
    expect: { columns: ['id', 'name', 'score'], rows: 3, cells: [[1, 'id', 3]], rejected: [3, 5] },
  },
  {
    file: 'extra-fields.csv',
    label: 'rows with extra fields, rejected',
    expect: { columns: ['id', 'name', 'score'], types: ['BIGINT', 'VARCHAR', 'DOUBLE'], rows: 3, cells: [[0, 'id', 1], [1, 'id', 3], [2, 'name', 'Eve']], rejected: [3, 5] },
  },
  { file: 'extra-fields.csv', label: 'rows with extra fields, failing on request', csv: { badRows: 'fail' }, expect: { error: 'E_CSV_BAD_ROWS', mentions: ['line 3', '4 fields'] } },
  {
    file: 'long-line.csv',
    label: 'a line over the maximum line size',
    csv: { maxLineSize: 1024 },
    expect: { error: 'E_CSV_LINE_TOO_LONG', mentions: ['line 3', '1,024 bytes', 'Max line size', '3,002'] },
  },
  { file: 'long-line.csv', label: 'a long line, with the limit raised', csv: { maxLineSize: 4096 }, expect: { columns: ['id', 'text'], rows: 3, cells: [[0, 'text', 'short'], [2, 'text', 'short again']] } },
  encoded('utf8.csv', /^utf-8$/),
  encoded('utf8-bom.csv', /^utf-8 \(BOM\)$/),
  encoded('utf16le-bom.csv', /^utf-16le \(BOM\)$/),
  encoded('utf16be-bom.csv', /^utf-16be \(BOM\), converted to UTF-8$/),
  encoded('utf16be-bom.csv', /^utf-16be \(BOM\), converted to UTF-8$/, { encoding: 'utf-16' }),
  {
    file: 'latin1.csv',
    label: 'Latin-1, detected',
    expect: { columns: ['id', 'name'], rows: 3, cells: [[0, 'name', 'Zoë'], [2, 'name', 'Señor']], dialect: { encoding: 'latin-1, converted to UTF-8' }, notes: [/latin-1 \(detected\)/] },
  },
  { file: 'latin1.csv', label: 'Latin-1, chosen', csv: { encoding: 'latin-1' }, expect: { columns: ['id', 'name'], rows: 3, cells: [[1, 'name', 'Müller'], [2, 'name', 'Señor']], dialect: { encoding: 'latin-1' } } },
  {
    file: 'windows1252.csv',
    label: 'Windows-1252, detected',
    expect: { columns: ['id', 'name'], rows: 3, cells: [[0, 'name', 'Zoë'], [1, 'name', '“Müller”'], [2, 'name', '€uro – 5']], dialect: { encoding: 'windows-1252, converted to UTF-8' } },
  },
  { file: 'windows1252.csv', label: 'Windows-1252 read as strict Latin-1', csv: { encoding: 'latin-1' }, expect: { error: 'E_CSV_ENCODING', mentions: ['latin-1', 'csv.encoding'] } },
  {
    file: 'leading-zeros.csv',
    label: 'leading-zero ids stay text',
    expect: { columns: ['id', 'zip', 'amount'], types: ['VARCHAR', 'VARCHAR', 'BIGINT'], rows: 3, cells: [[0, 'id', '00123'], [2, 'zip', '00501'], [0, 'amount', 10]] },
  },
  {
    file: 'leading-zeros.csv',
    label: 'text columns on request',
    csv: { textColumns: ['amount'] },
    expect: { columns: ['id', 'zip', 'amount'], types: ['VARCHAR', 'VARCHAR', 'VARCHAR'], rows: 3, cells: [[0, 'amount', '10']] },
  },
  // Several tables in one file: the first is the table, the next is offered at its line (issue 16).
  {
    file: 'two-tables-same-columns.csv',
    label: 'a second table with as many columns, after a blank line',
    expect: { columns: ['id', 'name', 'score'], types: ['BIGINT', 'VARCHAR', 'DOUBLE'], rows: 3, cells: [[2, 'score', 3.5]], notes: [/^Line 6 starts another table .*csv\.skipRows: 5/] },
  },
  {
    file: 'two-tables-past-200.csv',
    label: 'a second table past the first 200 lines',
    expect: { columns: ['id', 'name', 'score'], types: ['BIGINT', 'VARCHAR', 'DOUBLE'], rows: 300, cells: [[299, 'name', 'name 300']], notes: [/^Line 303 starts another table .*csv\.skipRows: 302/] },
  },
  {
    file: 'two-tables-same-columns-past-200.csv',
    label: 'a second table with as many columns past the first 200 lines',
    expect: { columns: ['id', 'name', 'score'], types: ['BIGINT', 'VARCHAR', 'DOUBLE'], rows: 300, cells: [[299, 'score', 150]], notes: [/^Line 303 starts another table .*csv\.skipRows: 302/] },
  },
  {
    file: 'written-forms.csv',
    label: 'dates, 12-hour times and amounts kept as written, each with why',
    expect: {
      columns: ['id', 'dmy', 'mdy', 'dotted', 'ampm', 'price'],
      types: ['BIGINT', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR'],
      rows: 3,
      cells: [[0, 'mdy', '01/28/2018'], [0, 'ampm', '2:05 PM'], [0, 'price', '$1,234.50']],
      notes: [/"mdy" stays text.*MM\/DD\/YYYY\. Convert it with a types block/, /"dotted" stays text.*DD\.MM\.YYYY/, /"ampm" stays text.*hh:MM AM/, /"price" stays text: its values carry a currency sign/],
    },
  },
  // Dates not in ISO form stay text, as written (an export writes them back unchanged); the note gives the format.
  {
    file: 'dates-dmy.csv',
    label: 'dd/mm/yyyy, detected, kept as written',
    expect: { columns: ['id', 'day'], types: ['BIGINT', 'VARCHAR'], rows: 3, cells: [[0, 'day', '31/01/2024'], [1, 'day', '03/04/2024']], notes: [/"day" stays text.*DD\/MM\/YYYY.*csv\.dateFormat: "%d\/%m\/%Y"/] },
  },
  {
    file: 'dates-mdy.csv',
    label: 'mm/dd/yyyy, detected, kept as written',
    expect: { columns: ['id', 'day'], types: ['BIGINT', 'VARCHAR'], rows: 3, cells: [[0, 'day', '01/31/2024']], notes: [/MM\/DD\/YYYY.*csv\.dateFormat: "%m\/%d\/%Y"/] },
  },
  { file: 'dates-dmy.csv', label: 'dd/mm/yyyy, chosen', csv: { dateFormat: '%d/%m/%Y' }, expect: { columns: ['id', 'day'], types: ['BIGINT', 'DATE'], rows: 3, cells: [[0, 'day', '2024-01-31'], [1, 'day', '2024-04-03']], dialect: { dateFormat: '%d/%m/%Y' } } },
  {
    file: 'dates-ambiguous.csv',
    label: 'ambiguous dates: the guess is said',
    expect: { columns: ['id', 'day'], types: ['BIGINT', 'VARCHAR'], rows: 3, cells: [[0, 'day', '01/02/2024']], notes: [/day\/month\/year .*choose the date order/] },
  },
  {
    file: 'dates-ambiguous.csv',
    label: 'ambiguous dates, mm/dd/yyyy chosen',
    csv: { dateFormat: '%m/%d/%Y' },
    expect: { columns: ['id', 'day'], types: ['BIGINT', 'DATE'], rows: 3, cells: [[0, 'day', '2024-01-02'], [2, 'day', '2023-05-06']], dialect: { dateFormat: '%m/%d/%Y' } },
  },
];

/** The corpus files, as `sample-data/messy/` holds them. */
export function corpusFiles(): string[] {
  return readdirSync(MESSY_DIR).filter((f) => !f.startsWith('.') && f !== 'README.md');
}

export function corpusBytes(file: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(readFileSync(join(MESSY_DIR, file)));
}

function checkOutcome(c: MessyCase, got: ImportOutcome): void {
  const want = c.expect;
  if ('error' in want) {
    expect('error' in got ? got.error.code : 'no error', c.file).toBe(want.error);
    for (const m of want.mentions) expect('error' in got ? got.error.message : '').toContain(m);
    return;
  }
  if ('error' in got) throw new Error(`${c.file}: ${got.error.code}: ${got.error.message}`);
  expect(got.columns.map((col) => col.name)).toEqual(want.columns);
  if (want.types) expect(got.columns.map((col) => col.type)).toEqual(want.types);
  expect(got.rows).toHaveLength(want.rows);
  for (const [row, column, value] of want.cells) expect(got.rows[row]?.[column], `row ${row}, ${column}`).toEqual(value);
  const r = got.csv ?? ({} as Partial<CsvReadReport>);
  expect(r.dialect).toMatchObject(want.dialect ?? {});
  expect(r.padded?.lines).toEqual(want.padded ?? []);
  expect(r.padded?.count).toBe(want.padded?.length ?? 0);
  expect(r.rejected?.rows.map((x) => x.line)).toEqual(want.rejected ?? []);
  expect(r.rejected?.count).toBe(want.rejected?.length ?? 0);
  expect(r.mode).toBe(want.padded?.length || want.rejected?.length ? 'repaired' : 'strict');
  if (want.skipped) expect(r.skipped?.map((l) => l.line)).toEqual(want.skipped);
  for (const note of want.notes ?? []) expect(r.notes?.some((n) => note.test(n)), `a note matching ${String(note)} in ${JSON.stringify(r.notes)}`).toBe(true);
}

/** Registers the corpus tests for one host. */
export function messyCsvSuite(name: string, open: () => Promise<MessyReader>): void {
  describe(`messy CSV corpus: ${name}`, () => {
    let reader: MessyReader;
    beforeAll(async () => {
      reader = await open();
    });
    afterAll(() => reader?.close());

    it('covers every file of sample-data/messy/ and lists each in its README', () => {
      const readme = readFileSync(join(MESSY_DIR, 'README.md'), 'utf8');
      for (const file of corpusFiles()) {
        expect(MESSY_CASES.some((c) => c.file === file), `${file} has a case`).toBe(true);
        expect(readme, `${file} in the README`).toContain(`\`${file}\``);
      }
    });

    it.each(MESSY_CASES.map((c) => [`${c.file}: ${c.label}`, c] as const))('%s', async (_, c) => {
      checkOutcome(c, await reader.read(c.file, { format: c.format ?? 'csv', csv: c.csv ?? {} }));
    });
  });
}
