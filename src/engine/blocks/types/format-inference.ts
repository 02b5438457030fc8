/**
 * The format a text column is written in, read from its values: dates not in ISO form (`28/01/2018`), times
 * without seconds or with AM/PM, and currency amounts. Every candidate is one boolean aggregate in SQL (do all
 * non-blank values match it?), so the values never leave the database. A date whose day and month are both 12 or
 * less in every row fits both orders: the day-first one is taken and the column is named as ambiguous.
 */
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { CURRENCY_FORMAT, parseFormat, typeOfFormat, type ParsedFormat } from './formats';

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

/** Every candidate, the plainest first: a date, a time, a date with a time, then a currency amount. */
export const FORMAT_CANDIDATES: Candidate[] = [
  ...DATES,
  ...TIMES.map((format) => ({ format })),
  ...DATES.flatMap((d) => TIMES.map((t) => ({ format: `${d.format} ${t}`, ...(d.twin ? { twin: `${d.twin} ${t}` } : {}) }))),
  { format: CURRENCY_FORMAT },
];

const parsed = new Map(FORMAT_CANDIDATES.map((c) => [c.format, parseFormat(c.format) as ParsedFormat]));

/** Does a (trimmed, non-blank) value read with this format? The same test the conversion makes. */
export function matchesFormat(value: string, format: ParsedFormat): string {
  const shape = `regexp_full_match(${value}, ${quoteLiteral(format.shape)})`;
  return format.kind === CURRENCY_FORMAT ? shape : `${shape} AND try_strptime(${value}, ${quoteLiteral(format.strptime)}) IS NOT NULL`;
}

const alias = (i: number, k: number): string => quoteIdent(`f${i}_${k}`);

/** One non-blank value of a column, which narrows the candidates to test to those of its shape. */
export function sampleValue(column: string, i: number): string {
  const v = `trim(${quoteIdent(column)})`;
  return `any_value(${v}) FILTER (WHERE ${v} <> '') AS ${quoteIdent(`s${i}`)}`;
}

/** The candidates a value has the shape of. */
function plausible(sample: string): number[] {
  return FORMAT_CANDIDATES.flatMap((c, k) => (new RegExp(`^(${parsed.get(c.format)!.shape})$`).test(sample) ? [k] : []));
}

/**
 * One aggregate per candidate the column's sample value fits (and its day/month twin); a currency column also
 * needs a sign in some value (else `1,234` is a plain number).
 */
export function formatAggregates(column: string, i: number, sample: string): string[] {
  const v = `trim(${quoteIdent(column)})`;
  return plausible(sample).map((k) => {
    const format = parsed.get(FORMAT_CANDIDATES[k]!.format)!;
    const sign = format.kind === CURRENCY_FORMAT ? ` AND bool_or(regexp_matches(${v}, '[$€£¥]'))` : '';
    return `(bool_and(${matchesFormat(v, format)}) FILTER (WHERE ${v} <> '')${sign}) AS ${alias(i, k)}`;
  });
}

export interface InferredFormat {
  format: string;
  type: ReturnType<typeof typeOfFormat>;
  /** Both day-first and month-first fit every value. */
  ambiguous: boolean;
}

/** The first candidate every value of column `i` fits, from the row of `formatAggregates` (a candidate not asked about does not fit). */
export function chooseFormat(row: Record<string, unknown>, i: number): InferredFormat | undefined {
  const fits = (format: string) => row[`f${i}_${FORMAT_CANDIDATES.findIndex((c) => c.format === format)}`] === true;
  const found = FORMAT_CANDIDATES.find((c) => fits(c.format));
  if (!found) return undefined;
  return { format: found.format, type: typeOfFormat(parsed.get(found.format)!.kind), ambiguous: found.twin !== undefined && fits(found.twin) };
}
