/**
 * The format a text column is written in, read from its values: dates not in ISO form (`28/01/2018`), times
 * without seconds or with AM/PM, and currency amounts (the candidates are in written-formats.ts). One value of the
 * column picks the candidates worth asking about; each is then one boolean aggregate in SQL (do all non-blank
 * values read with it?), so the values never leave the database. A date whose day and month are both 12 or
 * less in every row fits both orders: the day-first one is taken and the column is named as ambiguous.
 */
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { candidateFormat, CURRENCY_FORMAT, firstFitting, FORMAT_CANDIDATES, readsWith, type InferredFormat, type ParsedFormat } from '../written-formats';

const parsed = new Map(FORMAT_CANDIDATES.map((c) => [c.format, candidateFormat(c.format)]));

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

/** The candidates a value reads with (a sample that is day-first rules month-first out). */
function plausible(sample: string): number[] {
  return FORMAT_CANDIDATES.flatMap((c, k) => (readsWith(sample, parsed.get(c.format)!) ? [k] : []));
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

/** The first candidate every value of column `i` fits, from the row of `formatAggregates` (a candidate not asked about does not fit). */
export function chooseFormat(row: Record<string, unknown>, i: number): InferredFormat | undefined {
  return firstFitting((format) => row[`f${i}_${FORMAT_CANDIDATES.findIndex((c) => c.format === format)}`] === true);
}
