import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sqlRunnerContract } from '../testing/sql-runner-contract';
import { openWasmInNode } from '../testing/wasm-in-node';
import * as parquetWasm from 'parquet-wasm';
import { FileOutput } from './file-output';
import { parquetCodec } from './parquet-codec';
import { EXPORT_DIR, INPUT_DIR } from './wasm-database';
import { WasmRunner } from './wasm-runner';

// The same wasm the browser runs, through duckdb-wasm's Node build: inputs registered as buffers, exports written
// by the studio's own file output (CSV by COPY into its in-memory file system, JSON and Parquet from Arrow).
sqlRunnerContract('duckdb-wasm', async () => {
  const db = await openWasmInNode();
  const runner = await WasmRunner.open(db);
  const codec = parquetCodec(parquetWasm);
  const files = new FileOutput(db, runner, () => Promise.resolve(codec));
  return {
    runner,
    provideInput: async (hostPath) => {
      const path = `${INPUT_DIR}${basename(hostPath)}`;
      await db.registerBuffer(path, new Uint8Array(readFileSync(hostPath)));
      return path;
    },
    exportPath: (file) => `${EXPORT_DIR}${file}`,
    readExport: (path) => db.copyFileToBuffer(path),
    exportBytes: (block, inputs) => files.exportBytes(block, inputs),
    close: () => db.close(),
  };
});
