/**
 * The SQL that converts one text column with a format: a value must have the format's shape in full, then DuckDB's
 * strptime reads it (a date or time) or the currency sign and thousands commas are removed (an amount). With
 * `onError: null` a value that does not fit is NULL; with `fail` the run stops on it, naming the column, the value
 * and the format.
 */
import { quoteIdent, quoteLiteral } from '../../sql/quote';
import { CURRENCY_FORMAT, CURRENCY_STRIP, type ParsedFormat } from '../written-formats';
import { matchesFormat } from './format-inference';

export function convertWithFormat(column: string, format: string, parsed: ParsedFormat, target: string, onError: 'null' | 'fail'): string {
  const v = `NULLIF(trim(${quoteIdent(column)}), '')`;
  const amount = `regexp_replace(${v}, ${quoteLiteral(CURRENCY_STRIP)}, '', 'g')`;
  // An amount made a whole number rounds half away from zero, as Spark's round does (a plain cast of text would too
  // here, but a cast of a DOUBLE rounds halves to even).
  const whole = target === 'INTEGER' || target === 'BIGINT';
  const read = parsed.kind !== CURRENCY_FORMAT ? `strptime(${v}, ${quoteLiteral(parsed.strptime)})` : whole ? `round(CAST(${amount} AS DOUBLE))` : amount;
  const fits = matchesFormat(v, parsed);
  if (onError === 'null') return `TRY_CAST(CASE WHEN ${fits} THEN ${read} END AS ${target}) AS ${quoteIdent(column)}`;
  const why = `concat(${quoteLiteral(`Column "${column}": "`)}, ${v}, ${quoteLiteral(`" is not ${format}`)})`;
  return `CAST(CASE WHEN ${v} IS NULL THEN NULL WHEN ${fits} THEN ${read} ELSE error(${why}) END AS ${target}) AS ${quoteIdent(column)}`;
}
