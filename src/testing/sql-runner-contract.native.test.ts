import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeRunner } from '../cli/native-runner';
import { musicInputs, sqlRunnerContract } from './sql-runner-contract';

sqlRunnerContract('native (@duckdb/node-api)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-contract-'));
  const runner = await NativeRunner.open({ readableFiles: Object.values(musicInputs), writableDirectories: [dir], threads: 2 });
  return {
    runner,
    provideInput: (hostPath) => Promise.resolve(hostPath),
    exportPath: (file) => join(dir, file),
    readExport: (path) => Promise.resolve(new Uint8Array(readFileSync(path))),
    close: () => {
      runner.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
