import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sqlRunnerContract } from '../testing/sql-runner-contract';
import { openWasmInNode } from '../testing/wasm-in-node';
import { EXPORT_DIR, INPUT_DIR } from './wasm-database';
import { WasmRunner } from './wasm-runner';

// The same wasm the browser runs, through duckdb-wasm's Node build: inputs registered as buffers, exports written
// to its in-memory file system and copied out, as in the studio.
sqlRunnerContract('duckdb-wasm', async () => {
  const db = await openWasmInNode();
  const runner = await WasmRunner.open(db);
  return {
    runner,
    provideInput: async (hostPath) => {
      const path = `${INPUT_DIR}${basename(hostPath)}`;
      await db.registerBuffer(path, new Uint8Array(readFileSync(hostPath)));
      return path;
    },
    exportPath: (file) => `${EXPORT_DIR}${file}`,
    readExport: (path) => db.copyFileToBuffer(path),
    close: () => db.close(),
  };
});
