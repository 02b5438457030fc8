/**
 * The formats the types block reads text with, written as a person writes them (`DD/MM/YYYY`, `HH:MM`,
 * `hh:MM AM`) and translated to DuckDB's strptime specifiers, to Spark's datetime patterns, and to a regular
 * expression each value must match in full (DuckDB's `%Y` also takes `18` as the year 18, so the shape is checked
 * too). `currency` is the one number format: a `$ € £ ¥` sign and thousands commas removed.
 *
 * Tokens, case-sensitive: `YYYY` year, `YY` two-digit year, `MM` month (1 or 2 digits), `MMM` month name (Jan),
 * `MMMM` full month name, `DD` day, `HH` hour 0–23, `hh` hour 1–12 (with `AM`), `mm` minutes, `SS` seconds, `AM`
 * (or `PM`) the AM/PM marker. `MM` right after an hour and a colon (`HH:MM`) is minutes, as people write times;
 * everywhere else it is the month. Between tokens: `/ - . : , T` and spaces.
 *
 * Also here: the formats a column is tried with when none is set (FORMAT_CANDIDATES), which the types block asks
 * DuckDB about and the CSV import checks its sampled lines against, to say why a column stayed text.
 */
import { fail } from '../errors/catalog';

/** What a format reads: a date, a time of day, both, or a number. */
export type FormatKind = 'date' | 'time' | 'datetime' | 'currency';

export interface ParsedFormat {
  kind: FormatKind;
  /** DuckDB strptime specifier, e.g. `%d/%m/%Y`. */
  strptime: string;
  /** Spark datetime pattern, e.g. `d/M/yyyy`; undefined where Spark reads it otherwise (`YY`). */
  spark: string | undefined;
  /** The shape a value must have in full; written without backslashes so it reads the same in RE2, Java and SQL literals. */
  shape: string;
  /** The tokens in order (`MM` after an hour read as `mm`), each a group of `shape`. */
  tokens: string[];
}

export const CURRENCY_FORMAT = 'currency';

/** A currency amount: a sign before or after, thousands commas only in groups of three (so `12,50` is not 1250). */
export const CURRENCY_SHAPE = '[-+]?[$€£¥]?[ ]?[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]+)?[ ]?[$€£¥]?';
/** What is stripped from a currency amount before it is read as a number. */
export const CURRENCY_STRIP = '[$€£¥, ]';

interface Token {
  text: string;
  strptime: string;
  spark: string | undefined;
  shape: string;
  part: 'date' | 'time';
}

const TOKENS: Token[] = [
  { text: 'YYYY', strptime: '%Y', spark: 'yyyy', shape: '[0-9]{4}', part: 'date' },
  { text: 'YY', strptime: '%y', spark: undefined, shape: '[0-9]{2}', part: 'date' },
  { text: 'MMMM', strptime: '%B', spark: 'MMMM', shape: '[A-Za-z]+', part: 'date' },
  { text: 'MMM', strptime: '%b', spark: 'MMM', shape: '[A-Za-z]{3}', part: 'date' },
  { text: 'MM', strptime: '%m', spark: 'M', shape: '[0-9]{1,2}', part: 'date' },
  { text: 'DD', strptime: '%d', spark: 'd', shape: '[0-9]{1,2}', part: 'date' },
  { text: 'HH', strptime: '%H', spark: 'H', shape: '[0-9]{1,2}', part: 'time' },
  { text: 'hh', strptime: '%I', spark: 'h', shape: '[0-9]{1,2}', part: 'time' },
  { text: 'mm', strptime: '%M', spark: 'm', shape: '[0-9]{2}', part: 'time' },
  { text: 'SS', strptime: '%S', spark: 's', shape: '[0-9]{2}', part: 'time' },
  { text: 'AM', strptime: '%p', spark: 'a', shape: '[AaPp][Mm]', part: 'time' },
  { text: 'PM', strptime: '%p', spark: 'a', shape: '[AaPp][Mm]', part: 'time' },
];
const MINUTES = TOKENS.find((t) => t.text === 'mm')!;

/** Characters allowed between tokens, with how each reads in a regular expression and in a Spark pattern. */
const LITERALS: Readonly<Record<string, { shape: string; spark: string }>> = {
  '/': { shape: '/', spark: '/' },
  '-': { shape: '-', spark: '-' },
  '.': { shape: '[.]', spark: '.' },
  ':': { shape: ':', spark: ':' },
  ',': { shape: ',', spark: ',' },
  ' ': { shape: '[ ]', spark: ' ' },
  T: { shape: 'T', spark: "'T'" },
};

/** Why a format cannot be read, or undefined when it can. */
function invalid(format: string): string {
  return `"${format}" is not a format this block reads. Use DD, MM, YYYY (or YY, MMM, MMMM) for dates and HH (or hh with AM), MM or mm, SS for times, with / - . : , T or spaces between them (e.g. DD/MM/YYYY, HH:MM, hh:MM AM), or "currency" for amounts such as $1,234.50`;
}

/** Reads a user-facing format, or says why it is not one. */
export function parseFormat(format: string): ParsedFormat | { error: string } {
  if (format.trim() === CURRENCY_FORMAT) return { kind: CURRENCY_FORMAT, strptime: '', spark: undefined, shape: CURRENCY_SHAPE, tokens: [] };
  const tokens: string[] = [];
  let strptime = '';
  let spark: string | undefined = '';
  let shape = '';
  const parts = new Set<'date' | 'time'>();
  let twelveHour = false;
  let marker = false;
  for (let i = 0; i < format.length; ) {
    const literal = LITERALS[format[i]!];
    if (literal) {
      strptime += format[i];
      spark = spark === undefined ? undefined : spark + literal.spark;
      shape += literal.shape;
      i++;
      continue;
    }
    let token = TOKENS.find((t) => format.startsWith(t.text, i));
    if (!token) return { error: invalid(format) };
    // `HH:MM` is hours and minutes, as everyone writes a time.
    if (token.text === 'MM' && /(HH|hh):$/.test(format.slice(0, i))) token = MINUTES;
    if (token.part === 'time' && token.text === 'hh') twelveHour = true;
    if (token.strptime === '%p') marker = true;
    strptime += token.strptime;
    spark = spark === undefined || token.spark === undefined ? undefined : spark + token.spark;
    shape += `(${token.shape})`;
    tokens.push(token.text);
    parts.add(token.part);
    i += token.text.length;
  }
  if (parts.size === 0) return { error: invalid(format) };
  if (twelveHour !== marker) return { error: `"${format}" ${twelveHour ? 'has a 12-hour hour (hh) without AM/PM' : 'has AM/PM with a 24-hour hour (HH); use hh'}` };
  const kind: FormatKind = parts.size === 2 ? 'datetime' : parts.has('date') ? 'date' : 'time';
  return { kind, strptime, spark, shape, tokens };
}

/** A format that must be readable: a user's, named by its column. */
export function requireFormat(column: string, format: string): ParsedFormat {
  const parsed = parseFormat(format);
  if ('error' in parsed) return fail('E_TYPES_FORMAT', { column, format, detail: parsed.error });
  return parsed;
}

/** The type a format converts to when the column's type is left to the block. */
export function typeOfFormat(kind: FormatKind): 'DATE' | 'TIME' | 'TIMESTAMP' | 'DOUBLE' {
  return kind === 'date' ? 'DATE' : kind === 'time' ? 'TIME' : kind === 'datetime' ? 'TIMESTAMP' : 'DOUBLE';
}

const NUMBER_TYPES = new Set(['DOUBLE', 'INTEGER', 'BIGINT', 'DECIMAL(18,3)']);

/** Can a value read with this kind of format become this type? (A time has no date, so no DATE or TIMESTAMP.) */
export function formatFits(kind: FormatKind, type: string): boolean {
  if (kind === 'currency') return NUMBER_TYPES.has(type);
  if (kind === 'time') return type === 'TIME';
  return type === 'DATE' || type === 'TIMESTAMP';
}

/**
 * The format a column converts with, for its target type: the user's (which must fit the type, else
 * E_TYPES_FORMAT), else the fitted one where it fits (a column set to VARCHAR keeps its text).
 */
export function formatFor(column: string, target: string, own: string | undefined, fitted: string | undefined): { format: string; parsed: ParsedFormat } | undefined {
  if (own !== undefined) {
    const parsed = requireFormat(column, own);
    if (!formatFits(parsed.kind, target)) {
      fail('E_TYPES_FORMAT', { column, format: own, detail: `a ${parsed.kind} format cannot make a ${target} column; choose ${typeOfFormat(parsed.kind)} or auto` });
    }
    return { format: own, parsed };
  }
  if (fitted === undefined) return undefined;
  const parsed = requireFormat(column, fitted);
  return formatFits(parsed.kind, target) ? { format: fitted, parsed } : undefined;
}

/** The type a column converts to: the one chosen on the block, else the one its own format gives, else the fitted one. */
export function targetType(chosen: string | undefined, own: string | undefined, column: string, fitted: string | undefined): string | undefined {
  if (chosen !== undefined && chosen !== 'auto') return chosen;
  if (own !== undefined) return typeOfFormat(requireFormat(column, own).kind);
  return fitted;
}

/** The range each numeric token takes, so a value is read as the database reads it, without asking it. */
const RANGES: Readonly<Record<string, [number, number]>> = { MM: [1, 12], DD: [1, 31], HH: [0, 23], hh: [1, 12], mm: [0, 59], SS: [0, 59] };

/** Does a value read with this format? By its shape and the range of each part (`13` is no month). */
export function readsWith(value: string, format: ParsedFormat): boolean {
  const m = new RegExp(`^(?:${format.shape})$`).exec(value);
  if (!m) return false;
  return format.tokens.every((t, k) => {
    const range = RANGES[t];
    const n = Number(m[k + 1]);
    return range === undefined || (n >= range[0] && n <= range[1]);
  });
}

interface Candidate {
  format: string;
  /** The same format with day and month swapped: when both fit, the column is ambiguous. */
  twin?: string;
}

/** Date forms, day-first before month-first, so a column both fit reads day-first (the stated default). */
const DATES: Candidate[] = [
  { format: 'DD/MM/YYYY', twin: 'MM/DD/YYYY' },
  { format: 'MM/DD/YYYY', twin: 'DD/MM/YYYY' },
  { format: 'DD-MM-YYYY', twin: 'MM-DD-YYYY' },
  { format: 'MM-DD-YYYY', twin: 'DD-MM-YYYY' },
  { format: 'DD.MM.YYYY' },
  { format: 'YYYY/MM/DD' },
  { format: 'DD MMM YYYY' },
];
const TIMES = ['HH:MM', 'HH:MM:SS', 'hh:MM AM', 'hh:MM:SS AM'];

/** Every format a column is tried with, the plainest first: a date, a time, a date with a time, then a currency amount. */
export const FORMAT_CANDIDATES: Candidate[] = [
  ...DATES,
  ...TIMES.map((format) => ({ format })),
  ...DATES.flatMap((d) => TIMES.map((t) => ({ format: `${d.format} ${t}`, ...(d.twin ? { twin: `${d.twin} ${t}` } : {}) }))),
  { format: CURRENCY_FORMAT },
];

const candidateFormats = new Map(FORMAT_CANDIDATES.map((c) => [c.format, parseFormat(c.format) as ParsedFormat]));

/** A candidate's parsed form. */
export function candidateFormat(format: string): ParsedFormat {
  return candidateFormats.get(format)!;
}

export interface InferredFormat {
  format: string;
  kind: FormatKind;
  /** Both day-first and month-first fit every value. */
  ambiguous: boolean;
}

/** The first candidate that `fits`, with whether its day/month twin fits too. */
export function firstFitting(fits: (format: string) => boolean): InferredFormat | undefined {
  const found = FORMAT_CANDIDATES.find((c) => fits(c.format));
  if (!found) return undefined;
  return { format: found.format, kind: candidateFormat(found.format).kind, ambiguous: found.twin !== undefined && fits(found.twin) };
}

const SIGN = /[$€£¥]/;

/** The format every one of some (trimmed, non-blank) values is written in, read in JS: for sampled lines. */
export function formatOfValues(values: readonly string[]): InferredFormat | undefined {
  if (values.length === 0) return undefined;
  return firstFitting((format) => {
    const parsed = candidateFormat(format);
    if (parsed.kind === CURRENCY_FORMAT && !values.some((v) => SIGN.test(v))) return false;
    return values.every((v) => readsWith(v, parsed));
  });
}
