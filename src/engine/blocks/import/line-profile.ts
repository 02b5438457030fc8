/**
 * A cheap, independent look at the first lines of a CSV file: how many fields each line has under each candidate
 * delimiter. DuckDB's sniffer gives up on a file with one ragged row or a stray quote and reads every line into a
 * single text column, without an error; comparing its answer with these counts is how a collapse is recognised.
 */

/** Delimiters tried when the import block does not set one, in order of preference on a tie. */
export const DELIMITER_CANDIDATES = [',', ';', '|', '\t', ' '] as const;

/** How many lines of the file are looked at. */
export const PROFILE_LINES = 200;

/** The number of fields in a line, splitting on the delimiter outside quotes (a doubled quote stays inside). */
export function splitFields(line: string, delimiter: string, quote: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== '' && ch === quote) {
      if (quoted && line[i + 1] === quote) {
        current += quote;
        i++;
      } else quoted = !quoted;
    } else if (!quoted && line.startsWith(delimiter, i)) {
      fields.push(current);
      current = '';
      i += delimiter.length - 1;
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

/** A delimiter that splits the file's lines consistently. */
export interface DelimiterFit {
  delimiter: string;
  /** The field count most lines have. */
  fields: number;
  /** The share of non-blank lines, from the first with that count on, that have it. */
  share: number;
  /** 0-based index of the first line with that count: the header, or the first row. Lines before it are a preamble. */
  firstLine: number;
}

function fitOf(lines: readonly string[], delimiter: string, quote: string): DelimiterFit | undefined {
  const counts = lines.map((l) => (l.trim() === '' ? 0 : splitFields(l, delimiter, quote).length));
  const tally = new Map<number, number>();
  for (const c of counts) if (c >= 2) tally.set(c, (tally.get(c) ?? 0) + 1);
  let fields = 0;
  let most = 0;
  for (const [c, n] of tally) if (n > most || (n === most && c > fields)) [fields, most] = [c, n];
  if (fields < 2) return undefined;
  const firstLine = counts.indexOf(fields);
  const rest = counts.slice(firstLine).filter((c) => c > 0);
  return { delimiter, fields, share: most / rest.length, firstLine };
}

/**
 * The delimiter that best explains the lines: the most consistent field count of 2 or more over at least two
 * lines. Space needs near-perfect consistency from the very first line, since prose splits on spaces too: a title
 * line, or the values of a one-column file (`Ann Lee`), must not pass for space-delimited data.
 */
export function bestDelimiter(sample: readonly string[], options: { delimiter?: string; quote: string }): DelimiterFit | undefined {
  if (sample.filter((l) => l.trim() !== '').length < 2) return undefined;
  const candidates = options.delimiter !== undefined ? [options.delimiter] : DELIMITER_CANDIDATES;
  let best: DelimiterFit | undefined;
  for (const delimiter of candidates) {
    const fit = fitOf(sample, delimiter, options.quote);
    if (!fit || fit.share < (delimiter === ' ' ? 0.95 : 0.6)) continue;
    if (delimiter === ' ' && fit.firstLine !== sample.findIndex((l) => l.trim() !== '')) continue;
    if (!best || fit.share > best.share + 1e-9 || (Math.abs(fit.share - best.share) <= 1e-9 && fit.fields > best.fields)) best = fit;
  }
  return best;
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
const isNumber = (s: string): boolean => NUMBER.test(s);
/** What a data row puts where a number is missing: such a row is data, not a header. */
const MISSING_MARK = /^(n\/?a|na|nan|null|none|nil|-+|\?|missing|unknown)$/i;

/** Is this row (split and trimmed) more header, given the rows below it? */
function isHeaderLike(candidate: readonly string[], below: readonly string[][]): boolean {
  if (below.length < 2 || candidate.some((v) => v !== '' && isNumber(v))) return false;
  // The columns that hold numbers in every row below it (at least two values).
  const numeric = candidate
    .map((_, j) => below.map((r) => r[j] ?? '').filter((x) => x !== ''))
    .flatMap((values, j) => (values.length >= 2 && values.every(isNumber) ? [j] : []));
  const labelled = numeric.filter((j) => candidate[j] !== '');
  return labelled.length > 0 && labelled.length * 2 >= numeric.length && labelled.every((j) => !MISSING_MARK.test(candidate[j]!));
}

/**
 * Rows right after the header that are more header (units such as `kg`, `cm`): no numbers in them, and labels in
 * most of the columns that hold only numbers below (labels, not `n/a`-style missing marks). Returns how many such
 * rows follow the header (0–3).
 */
export function extraHeaderRows(dataLines: readonly string[], delimiter: string, quote: string): number {
  const rows = dataLines.filter((l) => l.trim() !== '').map((l) => splitFields(l, delimiter, quote).map((f) => f.trim()));
  let extra = 0;
  while (extra < 3 && isHeaderLike(rows[extra] ?? [], rows.slice(extra + 1, extra + 51))) extra++;
  return extra;
}
