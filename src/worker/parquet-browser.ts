import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { once, parquetCodec, type LoadParquet } from './parquet-codec';

/** parquet-wasm's browser build, with its wasm served by the app; loaded the first time a Parquet file is used. */
export const loadBrowserParquet: LoadParquet = once(async () => {
  const pq = await import('parquet-wasm/esm');
  await pq.default({ module_or_path: parquetWasmUrl });
  return parquetCodec(pq);
});
