import { Bool, DateDay, Float64, Int32, Int64, Table, tableFromArrays, tableToIPC, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';

/**
 * Arrow IPC bytes from rows the native runner read. @duckdb/node-api has no Arrow export, so the CLI builds the
 * table column by column, typed from DuckDB's column types. Only the CLI uses this (for downloads); the browser
 * engine gets Arrow from duckdb-wasm directly.
 */
export function arrowIpcFromRows(names: string[], types: string[], rows: unknown[][]): Uint8Array {
  if (names.length === 0) return tableToIPC(tableFromArrays({}), 'stream');
  const columns: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const { type, convert } = arrowType(types[i] ?? 'VARCHAR');
    columns[name] = vectorFromArray(rows.map((r) => convert(r[i])), type) as Vector;
  });
  return tableToIPC(new Table(columns), 'stream');
}

interface ArrowMapping {
  type: DataType;
  convert: (v: unknown) => unknown;
}

const nullable = (f: (v: unknown) => unknown) => (v: unknown) => (v === null || v === undefined ? null : f(v));

function arrowType(duckType: string): ArrowMapping {
  const t = duckType.toUpperCase();
  if (t === 'BOOLEAN') return { type: new Bool(), convert: nullable(Boolean) };
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(t)) return { type: new Int32(), convert: nullable(Number) };
  if (/^(BIGINT|UINTEGER)$/.test(t)) return { type: new Int64(), convert: nullable((v) => BigInt(v as bigint | number)) };
  if (/^(FLOAT|REAL|DOUBLE|DECIMAL.*|HUGEINT|UBIGINT)$/.test(t)) return { type: new Float64(), convert: nullable((v) => Number(String(v))) };
  if (t === 'DATE') return { type: new DateDay(), convert: nullable((v) => new Date(`${String(v)}T00:00:00Z`)) };
  return { type: new Utf8(), convert: nullable(String) };
}
