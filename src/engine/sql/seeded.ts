import type { Column } from '../blocks/contract';
import { quoteIdent, quoteLiteral } from './quote';

/**
 * Seeded randomness that is identical in every engine and stays so across DuckDB versions: it is built on md5 of a
 * stable text key, not on `hash()` or `random()`, whose output DuckDB does not promise to keep.
 */

/**
 * One value as key text. Floating-point values are written as whole millionths: integer text is both several times
 * cheaper to produce than DuckDB's shortest round-trip float text and certain never to change between versions.
 * A value too large for that falls back to its float text.
 */
function keyText(col: Column): string {
  const c = quoteIdent(col.name);
  if (/^(FLOAT|REAL|DOUBLE)$/i.test(col.type)) {
    return `coalesce(CAST(TRY_CAST(round(${c} * 1e6) AS BIGINT) AS VARCHAR), CAST(${c} AS VARCHAR))`;
  }
  return `CAST(${c} AS VARCHAR)`;
}

/** A text key for a row from the given columns: each value as text, NULL spelled distinctly, joined by a unit separator. */
export function stableRowKey(columns: readonly Column[]): string {
  if (columns.length === 0) return "''";
  const parts = columns.map((c) => `coalesce(${keyText(c)}, chr(0) || 'null')`);
  return `concat_ws(chr(31), ${parts.join(', ')})`;
}

const LOW_64_BITS = 'CAST(18446744073709551615 AS UHUGEINT)';

/** A SQL expression in [0, 1) from md5 of the seed and a key expression. */
export function seededUnit(seed: number, keyExpr: string): string {
  // The low 64 bits of md5_number are exactly md5_number_upper (the digest's first 8 bytes, little-endian), but
  // DuckDB 1.4 defines md5_number_upper as a macro through BIT and VARCHAR casts that costs 4-5 times as much as the
  // digest itself. Dividing by 2^64 maps the integer to [0, 1).
  const digest = `md5_number(${quoteLiteral(`${seed}:`)} || ${keyExpr})`;
  return `(CAST(${digest} & ${LOW_64_BITS} AS UBIGINT) / 18446744073709551616.0)`;
}

/**
 * Where a row falls within its group of `groupColumn`, as a fraction in [0, 1): the group's rows ranked by `unitExpr`,
 * ties broken by `rowKey`. A window expression; a stratified split and a stratified sample keep the rows below a cut.
 */
export function stratifiedPosition(groupColumn: string, unitExpr: string, rowKey: string): string {
  const group = quoteIdent(groupColumn);
  return `(row_number() OVER (PARTITION BY ${group} ORDER BY ${unitExpr}, ${rowKey}) - 1) / count(*) OVER (PARTITION BY ${group})`;
}
