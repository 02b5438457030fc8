/**
 * The only two places where user-supplied names and values enter SQL text.
 * Every block compiles through these, so a hostile column name or literal can never end a string or an identifier early.
 */

/** Quotes an identifier (column, table, alias) for DuckDB: `"` doubled inside double quotes. */
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL literal for a string, number, boolean or null. Numbers must be finite. */
export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL literal`);
    // Parenthesised so that a negative number stays one operand after a binary operator.
    return value < 0 ? `(${String(value)})` : String(value);
  }
  if (value.includes('\u0000')) throw new Error('string literal contains a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A comma-separated list of quoted identifiers. */
export function identList(names: readonly string[]): string {
  return names.map(quoteIdent).join(', ');
}

/** `relation.column`, both quoted. */
export function qualified(relation: string, column: string): string {
  return `${quoteIdent(relation)}.${quoteIdent(column)}`;
}
