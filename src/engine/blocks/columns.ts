import { fail, WrangleError } from '../errors/catalog';
import { closestName } from '../sql/closest-name';
import type { Column, Relation } from './contract';

/**
 * A column name as DuckDB tells names apart: ASCII letters fold to lower case (`a` and `A` are one column, and a
 * table made from both silently renames the second `A_1`), every other character is itself (`é` and `É` are two).
 * Blocks that make a column compare by this key, so a clash is an error, not a silent rename.
 */
export function columnKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * The column names of a result a block is building, as DuckDB tells them apart (by `columnKey`). Every name a block
 * makes goes through `add`, so a name that is already there, even spelled with other ASCII case, is E_COLUMN_EXISTS
 * naming both spellings instead of the silent `_1` rename DuckDB would make.
 */
export class ColumnNameSet {
  private readonly byKey = new Map<string, string>();

  constructor(names: Iterable<string> = []) {
    for (const name of names) this.byKey.set(columnKey(name), name);
  }

  /** The names of a relation's columns. */
  static of(rel: Relation): ColumnNameSet {
    return new ColumnNameSet(columnNames(rel));
  }

  /** The name already here that DuckDB would take `name` for, if any. */
  clashOf(name: string): string | undefined {
    return this.byKey.get(columnKey(name));
  }

  has(name: string): boolean {
    return this.byKey.has(columnKey(name));
  }

  /** Takes a new name, or fails with E_COLUMN_EXISTS; `detail` says where the name comes from. Returns the name. */
  add(name: string, detail?: string): string {
    const existing = this.clashOf(name);
    if (existing !== undefined) fail('E_COLUMN_EXISTS', { column: name, existing, ...(detail ? { detail } : {}) });
    this.byKey.set(columnKey(name), name);
    return name;
  }

  /** Frees a name (a column the block drops). */
  delete(name: string): void {
    this.byKey.delete(columnKey(name));
  }

  /**
   * A name for a column the block uses inside its query and drops again: `base`, with underscores in front until no
   * column here has it. It is taken, so two helpers never share one.
   */
  unused(base: string): string {
    let name = base;
    while (this.has(name)) name = `_${name}`;
    return this.add(name);
  }
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

/**
 * The error for a missing join key names the side, the block it comes from and the closest column there (a key
 * renamed upstream), and points at the key's field (`param`, e.g. `keys.0.left`) for the form.
 */
export function requireJoinKey(rel: Relation, name: string, side: 'left' | 'right', param?: string): Column {
  const col = rel.columns.find((c) => c.name === name);
  if (col) return col;
  const closest = closestName(name, columnNames(rel));
  const args = { column: name, side, available: available(rel), ...(rel.from !== undefined ? { from: rel.from } : {}), ...(closest !== undefined ? { closest } : {}) };
  throw new WrangleError('E_JOIN_KEY_MISSING', args, undefined, param === undefined ? undefined : { param, text: name, from: 0, to: name.length });
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL.*)$/i;

/** True for DuckDB's integer, floating and decimal types. */
export function isNumericType(type: string): boolean {
  return NUMERIC.test(type);
}

/** True for DuckDB's whole-number types. */
export function isIntegerType(type: string): boolean {
  return /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/i.test(type);
}

/** True for DuckDB's text type. */
export function isTextType(type: string): boolean {
  return /^VARCHAR/i.test(type);
}
