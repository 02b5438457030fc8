/** Parquet ⇄ Arrow IPC through parquet-wasm: duckdb-wasm has no Parquet reader or writer offline. */
export interface ParquetCodec {
  /** A Parquet file's rows as an Arrow IPC stream. */
  toArrow(parquet: Uint8Array): Uint8Array;
  /** An Arrow IPC stream as a Parquet file. */
  fromArrow(ipc: Uint8Array): Uint8Array;
}

/** Loads the codec on first use: its wasm is only fetched when a Parquet file is read or written. */
export type LoadParquet = () => Promise<ParquetCodec>;

/** The part of the parquet-wasm module the codec uses; its browser and Node builds share it. */
export interface ParquetWasm<WasmTable> {
  readParquet(parquet: Uint8Array): { intoIPCStream(): Uint8Array };
  writeParquet(table: WasmTable): Uint8Array;
  Table: { fromIPCStream(ipc: Uint8Array): WasmTable };
}

export function parquetCodec<WasmTable>(pq: ParquetWasm<WasmTable>): ParquetCodec {
  return {
    // Both calls consume the wasm-side table, so nothing is left to free.
    toArrow: (parquet) => pq.readParquet(parquet).intoIPCStream(),
    fromArrow: (ipc) => pq.writeParquet(pq.Table.fromIPCStream(ipc)),
  };
}

/** Calls `load` once and shares its promise; a failed load is retried on the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
}
