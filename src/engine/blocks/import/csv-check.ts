import type { SqlRow } from '../../sql/sql-runner';
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { readCsvCall, type CsvRead } from './csv-read';
import { LISTED_LINES } from './csv-report';

/** Rows a check reads at most. Past this, a malformed line still stops the read, with its line number. */
export const CHECK_ROWS = 1_000_000;

/** The database calls a check needs, and names for its scratch tables. */
export interface CheckIo {
  query(sql: string): Promise<SqlRow[]>;
  exec(sql: string): Promise<void>;
  table(suffix: string): string;
}

/** A line DuckDB could not read as the dialect says, with its first error. */
export interface BadLine {
  line: number;
  text: string;
  /** DuckDB's error types on the line, e.g. `TOO MANY COLUMNS`. */
  kinds: string[];
  message: string;
}

/** Lines of one kind: the exact count and the first few. */
export interface BadLines {
  count: number;
  lines: BadLine[];
}

export interface CheckResult {
  /** Rows read well: up to CHECK_ROWS, or every row where a load was the check (loadAsCheck). */
  rows: number;
  wholeFile: boolean;
  /** Lines whose only problem is too few fields: they can be padded. */
  missing: BadLines;
  /** Lines with too many fields or broken quoting. */
  broken: BadLines;
  /** Lines over the maximum line size. */
  tooLong: BadLines;
  /** Lines with bytes that are not text in the encoding read. */
  badEncoding: BadLines;
  /** Columns where a value does not fit the detected type: the first such line of each. */
  castColumns: { column: string; line: number; message: string }[];
}

const none = (): BadLines => ({ count: 0, lines: [] });

/** DuckDB's words for a line a strict read refuses (`CSV Error on Line: 3`, a line too long, bytes not text). */
const REFUSED_LINE = /CSV Error on Line|maximum line size|invalid unicode/i;

/**
 * Loads the whole file strictly, as `read` says, as the block's result. A load that succeeds read every row with
 * every value of its column's type: the check it stands for found nothing, over the whole file, and the file is not
 * read a second time. A line it refuses gives undefined, and the check then reads the file with the rejects tables to
 * find and describe every such line (the load's partial table is gone: DuckDB undoes a statement that failed).
 */
export async function loadAsCheck(load: (read: CsvRead) => Promise<number>, read: CsvRead): Promise<CheckResult | undefined> {
  try {
    const rows = await load(read);
    return { rows, wholeFile: true, missing: none(), broken: none(), tooLong: none(), badEncoding: none(), castColumns: [] };
  } catch (e) {
    if (e instanceof Error && REFUSED_LINE.test(e.message)) return undefined;
    throw e;
  }
}

/**
 * Reads the file (up to CHECK_ROWS rows) strictly, as `read` says, with DuckDB's rejects tables on instead of failing,
 * and sorts every line it could not read by what went wrong. The scratch tables are dropped again.
 */
export async function checkRead(io: CheckIo, path: string, read: CsvRead): Promise<CheckResult> {
  const errors = io.table('csv_rejects');
  const scans = io.table('csv_scans');
  const dropScratch = async () => {
    await io.exec(`DROP TABLE IF EXISTS ${quoteIdent(errors)}`);
    await io.exec(`DROP TABLE IF EXISTS ${quoteIdent(scans)}`);
  };
  await dropScratch();
  try {
    const strict: CsvRead = { ...read };
    delete strict.repair;
    delete strict.rows;
    delete strict.drop;
    const within = read.lastLine === undefined ? '' : ` AND line <= ${read.lastLine}`;
    // One thread, as a repaired read runs (see readCsvCall), so the rows counted here are the rows it keeps.
    const rejects = ['store_rejects = true', `rejects_table = ${quoteLiteral(errors)}`, `rejects_scan = ${quoteLiteral(scans)}`, 'parallel = false'];
    // The row itself is tested (`t IS NOT NULL`) so every column is parsed: a bare count(*) reads no column and so
    // would never meet a value that does not fit its type.
    const counted = await io.query(`SELECT count(*) AS n FROM (SELECT * FROM ${readCsvCall(path, strict, rejects)} LIMIT ${CHECK_ROWS + 1}) AS t WHERE t IS NOT NULL`);
    const rows = Number(counted[0]?.n ?? 0);
    const exists = await io.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${quoteLiteral(errors)}`);
    const result: CheckResult = {
      rows: Math.min(rows, CHECK_ROWS),
      wholeFile: rows <= CHECK_ROWS,
      missing: none(),
      broken: none(),
      tooLong: none(),
      badEncoding: none(),
      castColumns: [],
    };
    if (Number(exists[0]?.n ?? 0) === 0) return result;
    const table = quoteIdent(errors);
    const casts = await io.query(
      `SELECT column_name AS col, min(line) AS line, arg_min(error_message, line) AS message FROM ${table} ` +
        `WHERE error_type = 'CAST' AND column_name IS NOT NULL${within} GROUP BY column_name ORDER BY min(line)`,
    );
    result.castColumns = casts.map((r) => ({ column: String(r.col), line: Number(r.line), message: String(r.message ?? '') }));
    const sorted = await io.query(
      `WITH per_line AS (
         SELECT line, string_agg(DISTINCT error_type, '|' ORDER BY error_type) AS kinds,
                arg_min(csv_line, error_message) AS text, min(error_message) AS message
         FROM ${table} WHERE error_type <> 'CAST'${within} GROUP BY line),
       sorted AS (
         SELECT *, CASE
           WHEN kinds LIKE '%LINE SIZE%' THEN 'tooLong'
           WHEN kinds LIKE '%INVALID%' OR kinds LIKE '%ENCODING%' OR kinds LIKE '%UNICODE%' THEN 'badEncoding'
           WHEN kinds = 'MISSING COLUMNS' THEN 'missing'
           ELSE 'broken' END AS sort
         FROM per_line)
       SELECT sort, line, text, kinds, message, count(*) OVER (PARTITION BY sort) AS total
       FROM sorted QUALIFY row_number() OVER (PARTITION BY sort ORDER BY line) <= ${LISTED_LINES}
       ORDER BY sort, line`,
    );
    for (const r of sorted) {
      const bucket = result[String(r.sort) as 'missing' | 'broken' | 'tooLong' | 'badEncoding'];
      bucket.count = Number(r.total);
      bucket.lines.push({ line: Number(r.line), text: String(r.text ?? ''), kinds: String(r.kinds).split('|'), message: String(r.message ?? '') });
    }
    return result;
  } finally {
    await dropScratch();
  }
}
