import { tableFromIPC } from 'apache-arrow';
import type { ReadParquetRows } from './spark-model';

/** Arrow values as plain JSON-like values: vectors and typed arrays become arrays, structs objects, safe bigints numbers. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, plain);
  if (Array.isArray(value)) return value.map(plain);
  const v = value as { toArray?: () => unknown; toJSON?: () => unknown; [Symbol.iterator]?: unknown };
  if (typeof v[Symbol.iterator] === 'function' && typeof v.toArray === 'function') return Array.from(value as Iterable<unknown>, plain);
  if (typeof v.toJSON === 'function') {
    const json = v.toJSON();
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
      return Object.fromEntries(Object.entries(json).map(([k, x]) => [k, plain(x)]));
    }
    return plain(json);
  }
  return value;
}

/**
 * A ReadParquetRows over any Parquet → Arrow IPC decoder: parquet-wasm's `readParquet(...).intoIPCStream()`, which
 * the CLI and the studio both have. Only small files come through here (a model's labels), so rows are built in JS.
 */
export function parquetRowsReader(toArrowIpc: (parquet: Uint8Array) => Uint8Array | Promise<Uint8Array>): ReadParquetRows {
  return async (parquet) => {
    const table = tableFromIPC(await toArrowIpc(parquet));
    const names = table.schema.fields.map((f) => f.name);
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < table.numRows; i++) {
      rows.push(Object.fromEntries(names.map((n) => [n, plain(table.getChild(n)?.get(i) ?? null)])));
    }
    return rows;
  };
}
