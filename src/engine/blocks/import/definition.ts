import { z } from 'zod';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { seededUnit, stableRowKey } from '../../sql/seeded';
import { ColumnNameSet } from '../columns';
import { SANDBOX_REFUSAL } from '../../sql/sandbox-refusal';
import { defineBlock, SINGLE_OUT, type Compiled, type SourceReading } from '../contract';
import { bareFileName, inputName } from '../file-names';
import { fail, WrangleError } from '../../errors/catalog';
import { JSON_LIST_OF_VALUES, jsonNotATable, notATableError } from '../../inputs/content-kind';
import { explainCsvError, scrubPath } from './csv-errors';
import { csvReportLines, type CsvReadReport } from './csv-report';
import { planCsvRead } from './csv-plan';
import { readCsvCall, type CsvRead } from './csv-read';
import { csvDialect, importFormat } from './csv-dialect';

const sampling = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('first'), rows: z.number().int().positive() }),
  z.object({ mode: z.literal('fraction'), fraction: z.number().gt(0).lte(1), seed: z.number().int() }),
]);

const params = z
  .object({
    /** Logical name, mapped to a real file by the CLI's --input or the studio's file picker. */
    input: inputName,
    /** The expected file name; `--data DIR` looks for it there. */
    file: bareFileName,
    format: importFormat.default('csv'),
    csv: csvDialect.default({}),
    sampling: sampling.default({ mode: 'none' }),
    /**
     * Adds a column of this name holding each row's 1-based position in the file: for data whose order means
     * something (a playlist's tracks, in the order they were added). DuckDB numbers a plain `OVER ()` in scan order.
     */
    rowNumber: z.string().min(1).optional(),
  })
  .strict();

export type ImportParams = z.infer<typeof params>;

function readerCall(p: ImportParams, path: string): string {
  const file = quoteLiteral(path);
  if (p.format === 'parquet') return `read_parquet(${file})`;
  // records = true: a list of plain values ([1, 2, 3]) has no columns; DuckDB would read it as one `json` column where
  // duckdb-wasm refuses it, so both hosts refuse it alike (explainError).
  if (p.format === 'json') return `read_json(${file}, format = 'array', records = true)`;
  if (p.format === 'jsonl') return `read_json(${file}, format = 'newline_delimited', records = true)`;
  const opts: string[] = [];
  const d = p.csv;
  const delimiter = d.delimiter ?? (p.format === 'tsv' ? '\t' : undefined);
  if (delimiter !== undefined) opts.push(`delim = ${quoteLiteral(delimiter)}`);
  if (d.quote !== undefined) opts.push(`quote = ${quoteLiteral(d.quote)}`);
  if (d.escape !== undefined) opts.push(`escape = ${quoteLiteral(d.escape)}`);
  if (d.header !== undefined) opts.push(`header = ${quoteLiteral(d.header)}`);
  if (d.skipRows !== undefined) opts.push(`skip = ${quoteLiteral(d.skipRows)}`);
  if (d.nullString !== undefined) opts.push(`nullstr = ${quoteLiteral(d.nullString)}`);
  if (d.dateFormat !== undefined) opts.push(`dateformat = ${quoteLiteral(d.dateFormat)}`);
  if (d.encoding !== undefined) opts.push(`encoding = ${quoteLiteral(d.encoding)}`);
  if (d.maxLineSize !== undefined) opts.push(`max_line_size = ${quoteLiteral(d.maxLineSize)}`);
  if (d.textColumns && d.textColumns.length > 0) {
    const types = d.textColumns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ');
    opts.push(`types = {${types}}`);
  }
  return `read_csv(${[file, ...opts].join(', ')})`;
}

/** The import's SELECT when it neither samples nor numbers rows: every row of the file as read. */
const wholeFile = (source: string): string => `SELECT * FROM ${source}`;

export const importBlock = defineBlock({
  kind: 'import',
  family: 'input',
  title: 'Import',
  description: 'Reads a CSV/TSV, Parquet or JSON file declared by logical name, optionally sampled.',
  params,
  inputs: () => [],
  outputs: () => SINGLE_OUT,
  rowIdentity: 'starts',
  async readSource(ctx) {
    const p = ctx.params;
    const table = ctx.files.inputTable?.(p.input);
    let reading: SourceReading | undefined;
    if ((p.format === 'csv' || p.format === 'tsv') && table === undefined) {
      const path = ctx.files.inputPath(p.input);
      // Where the host offers it, the whole file is loaded as the result while it is checked: compile's plain read.
      const loadResult = ctx.loadResult;
      const plain = p.sampling.mode === 'none' && p.rowNumber === undefined;
      const load = loadResult && plain ? (read: CsvRead) => loadResult(wholeFile(readCsvCall(path, read))) : undefined;
      const { read, report } = await planCsvRead({ ...ctx, path, settings: p, encoding: ctx.files.inputEncoding?.(p.input), ...(load ? { load } : {}) });
      reading = { reader: readCsvCall(path, read), report };
    }
    if (p.rowNumber === undefined && p.sampling.mode !== 'fraction') return reading;
    // The row-number column is added beside the file's own: DuckDB would silently rename it `position_1` next to a
    // `Position` header, so the names are read first (DESCRIBE reads only the header or the metadata). A seeded
    // fraction keys each row by its values, which needs their types.
    const from = table !== undefined ? quoteIdent(table) : (reading?.reader ?? readerCall(p, ctx.files.inputPath(p.input)));
    const described = await ctx.query(`DESCRIBE SELECT * FROM ${from}`);
    const schema = described.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
    return { ...reading, columns: schema.map((c) => c.name), schema };
  },
  compile(ctx): Compiled {
    const p = ctx.params;
    const table = ctx.files.inputTable?.(p.input);
    // Without a settled reading (a host that did not look at the file), DuckDB detects the dialect itself.
    const file = table !== undefined ? quoteIdent(table) : (ctx.source?.reader ?? readerCall(p, ctx.files.inputPath(p.input)));
    if (p.rowNumber !== undefined && ctx.source?.columns) new ColumnNameSet(ctx.source.columns).add(p.rowNumber, 'Pick another name for the row-number column.');
    const source = p.rowNumber === undefined ? file : `(SELECT *, row_number() OVER () AS ${quoteIdent(p.rowNumber)} FROM ${file})`;
    const s = p.sampling;
    if (s.mode === 'first') return { select: `SELECT * FROM ${source} LIMIT ${s.rows}` };
    if (s.mode === 'fraction') {
      // Keyed by the file's columns as every seeded block keys rows (stableRowKey): text that does not change between
      // DuckDB versions, and that Spark writes the same (the prelude's row_key), so a job keeps the same rows.
      const schema = ctx.source?.schema ?? fail('E_NOT_FITTED', { what: `the columns of input "${p.input}"` });
      return { select: `SELECT * FROM ${source} WHERE ${seededUnit(s.seed, stableRowKey(schema))} < ${s.fraction}` };
    }
    return { select: wholeFile(source) };
  },
  // Tolerates params without their defaults (a document not parsed yet): the studio asks before it parses.
  declaredInput: (p) => ({ name: p.input, file: p.file, format: p.format ?? 'csv', ...(p.csv?.encoding ? { encoding: p.csv.encoding } : {}) }),
  // readSource put the CSV read report there (a Parquet or JSON read has none).
  report: ({ source }) => source?.report as CsvReadReport | undefined,
  tellReport: (report) => ({ details: csvReportLines(report), json: { csv: report } }),
  // Any failure of the read is about the input, named as the user chose it: never the engine's generic E_QUERY_FAILED.
  explainError: (message, p) => {
    // DuckDB's array reader on a file that is not a list: said as the studio says it (content-kind.ts).
    const notArray = /Expected top-level JSON array with format='array', but first character is '(.)'/.exec(message);
    const notTable = notArray ? jsonNotATable(notArray[1]) : undefined;
    if (notTable) return notATableError(p.input, p.file, notTable);
    if (/expected records, but got non-record JSON/.test(message)) return notATableError(p.input, p.file, JSON_LIST_OF_VALUES);
    const named = scrubPath(message, '', p.file);
    const explained = explainCsvError(named, { name: p.input, file: p.file, ...(p.csv.encoding ? { encoding: p.csv.encoding } : {}) }, p.csv.maxLineSize, p.csv.quote);
    // What the sandbox refused stays the sandbox's to say.
    if (explained || SANDBOX_REFUSAL.test(message)) return explained;
    return new WrangleError('E_INPUT_READ', { name: p.input, file: p.file, detail: named.split('\n')[0]! });
  },
});
