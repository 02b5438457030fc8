/**
 * A second table past the sampled lines. The plan looks for one in its first PROFILE_LINES lines (csv-shape.ts);
 * a long first table pushes the blank line and what follows beyond them. The plan looks further only where the
 * file says something is there (the check met a row that does not fit, or a column of numbers in the sample was
 * typed as text), and only up to that line, so a clean file costs nothing more. One query over the raw lines
 * lists every non-blank line after a blank one that is not inside a quoted field, with the lines that follow it;
 * each is then judged as in the sample (startsAnotherTable).
 */
import type { SqlRow } from '../../sql/sql-runner';
import { quoteLiteral } from '../../sql/quote';
import type { DuckDbEncoding } from '../../inputs/encoding';
import { rawLinesCall } from './csv-read';
import { startsAnotherTable, type FirstTable, type TableEnd } from './csv-shape';

/** Blank-line breaks looked at, and the lines read after each to judge it. */
const MAX_BREAKS = 50;
const LINES_AFTER = 12;

export interface PastSampleSearch {
  query(sql: string): Promise<SqlRow[]>;
  path: string;
  encoding: DuckDbEncoding;
  maxLineSize: number | undefined;
  /** Breaks before this 1-based line were judged on the sample already. */
  fromLine: number;
  /** The last line to read: where the check met the first line that does not fit the first table. */
  toLine: number;
  /** 1-based line of the first data row, from which records are counted. */
  firstDataLine: number;
  table: FirstTable;
}

export async function tableEndPastSample(s: PastSampleSearch): Promise<TableEnd | undefined> {
  const q = s.table.quote;
  // A line ends inside a quoted field when the quotes so far are odd in number: its line break is a cell's.
  const quotes = q === '' ? '0' : `length(line) - length(replace(line, ${quoteLiteral(q)}, ''))`;
  const numbered =
    `WITH raw AS (SELECT coalesce(line, '') AS line, row_number() OVER () AS n FROM (${rawLinesCall(s.path, s.encoding, s.maxLineSize)} LIMIT ${s.toLine + LINES_AFTER})), ` +
    `marked AS (SELECT n, line, trim(line) = '' AS blank, sum(${quotes}) OVER (ORDER BY n ROWS UNBOUNDED PRECEDING) % 2 = 1 AS open FROM raw), ` +
    `breaks AS (SELECT n, blank, lag(blank) OVER (ORDER BY n) AS after_blank, lag(open) OVER (ORDER BY n) AS after_open, ` +
    `max(CASE WHEN NOT blank THEN n END) OVER (ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_text FROM marked)`;
  const found = await s.query(
    `${numbered}, picked AS (SELECT n, last_text FROM breaks WHERE n >= ${s.fromLine} AND n <= ${s.toLine} AND NOT blank AND after_blank AND NOT after_open ORDER BY n LIMIT ${MAX_BREAKS}) ` +
      `SELECT p.n AS start, p.last_text, m.n, m.line, (SELECT max(n) FROM raw) AS total, ` +
      `(SELECT count(*) FROM marked WHERE n >= ${s.firstDataLine} AND n <= p.last_text AND NOT blank AND NOT open) AS records ` +
      `FROM picked p JOIN marked m ON m.n >= p.n AND m.n < p.n + ${LINES_AFTER} ORDER BY p.n, m.n`,
  );
  const byStart = new Map<number, { lastLine: number; records: number; total: number; lines: string[] }>();
  for (const r of found) {
    const start = Number(r.start);
    const entry = byStart.get(start) ?? { lastLine: Number(r.last_text), records: Number(r.records), total: Number(r.total), lines: [] };
    entry.lines.push(String(r.line ?? ''));
    byStart.set(start, entry);
  }
  for (const [start, e] of byStart) {
    const fields = startsAnotherTable(e.lines, s.table, start + e.lines.length - 1 >= e.total);
    if (fields !== undefined) return { lastLine: e.lastLine, records: e.records, next: { line: start, fields, text: e.lines[0]! } };
  }
  return undefined;
}
