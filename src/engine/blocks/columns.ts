import { fail } from '../errors/catalog';
import type { Column, Relation } from './types';

/**
 * A column name as DuckDB tells names apart: ASCII letters fold to lower case (`a` and `A` are one column, and a
 * table made from both silently renames the second `A_1`), every other character is itself (`é` and `É` are two).
 * Blocks that make a column compare by this key, so a clash is an error, not a silent rename.
 */
export function columnKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Column names of a relation, in order. */
export function columnNames(rel: Relation): string[] {
  return rel.columns.map((c) => c.name);
}

function available(rel: Relation): string {
  const names = columnNames(rel);
  const shown = names.slice(0, 30).map((n) => JSON.stringify(n)).join(', ');
  return names.length > 30 ? `${shown}, … (${names.length} in all)` : shown || '(none)';
}

/** The column named `name`, or a coded error that lists what is there. */
export function requireColumn(rel: Relation, name: string, where = 'the input'): Column {
  const col = rel.columns.find((c) => c.name === name);
  return col ?? fail('E_COLUMN_MISSING', { column: name, where, available: available(rel) });
}

/** Checks every name exists; returns them in the order given. */
export function requireColumns(rel: Relation, names: readonly string[], where = 'the input'): Column[] {
  return names.map((n) => requireColumn(rel, n, where));
}

/** The error for a missing join key, which names the side. */
export function requireJoinKey(rel: Relation, name: string, side: 'left' | 'right'): Column {
  const col = rel.columns.find((c) => c.name === name);
  return col ?? fail('E_JOIN_KEY_MISSING', { column: name, side, available: available(rel) });
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL.*)$/i;

/** True for DuckDB's integer, floating and decimal types. */
export function isNumericType(type: string): boolean {
  return NUMERIC.test(type);
}

/** True for DuckDB's text type. */
export function isTextType(type: string): boolean {
  return /^VARCHAR/i.test(type);
}
