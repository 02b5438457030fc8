/** Test support: imports a Data Wrangler flow and runs it on real (native, sandboxed) DuckDB over small files. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as parquetWasm from 'parquet-wasm';
import { NativeRunner } from '../../../cli/native-runner';
import { declaredInputs, declaredOutputOf } from '../../../engine/inputs/declared-inputs';
import type { FlowDocument } from '../../../engine/flow/schema';
import { FlowExecutor, type RunResult } from '../../../engine/run/executor';
import type { SqlRow } from '../../../engine/sql/sql-runner';
import { importDataWranglerFlow, type ImportOptions, type ImportResult } from '../import-flow';
import { parquetRowsReader } from '../parquet-rows';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures');

export const readParquetRows = parquetRowsReader((bytes) => parquetWasm.readParquet(bytes).intoIPCStream());

/** Imports a fixture `.flow` from src/importers/dw/fixtures (or any path). */
export function importFixture(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const path = file.includes('/') ? file : join(fixturesDir, file);
  return importDataWranglerFlow(readFileSync(path, 'utf8'), { readParquetRows, ...options });
}

export interface ImportedRun {
  result: RunResult;
  /** The rows reaching an export block (by its file name), sorted by every column. */
  exported(file: string): Promise<SqlRow[]>;
  /** The column names reaching an export block, in order. */
  exportedColumns(file: string): Promise<string[]>;
  /** How many rows reach an export block. */
  exportedCount(file: string): Promise<number>;
  close(): void;
}

/**
 * Runs the flow over files found by their declared names in a directory, or over the given files (name → text)
 * written to a fresh one. Every block's result is kept, so tests can read what reaches each export.
 */
export async function runImported(flow: FlowDocument, data: Record<string, string> | { dir: string }): Promise<ImportedRun> {
  let dir: string;
  if (typeof data.dir === 'string' && Object.keys(data).length === 1) dir = data.dir;
  else {
    dir = mkdtempSync(join(tmpdir(), 'wrangle-dw-'));
    for (const [name, text] of Object.entries(data)) writeFileSync(join(dir, name), text);
  }
  const inputs = Object.fromEntries(declaredInputs(flow).map((i) => [i.name, { path: join(dir, i.file), fingerprint: i.file }]));
  const runner = await NativeRunner.open({ readableFiles: Object.values(inputs).map((i) => i.path), writableDirectories: [mkdtempSync(join(tmpdir(), 'wrangle-dw-out-'))], threads: 2 });
  const result = await new FlowExecutor(runner).run(flow, { preset: 'inspect', inputs });
  const feeding = (file: string) => {
    const exportBlock = flow.blocks.find((b) => declaredOutputOf(b) === file);
    if (!exportBlock) throw new Error(`no export writes ${file}`);
    const edge = flow.edges.find((e) => e.to.block === exportBlock.id);
    const upstream = result.blocks.find((b) => b.blockId === edge?.from.block);
    const relation = upstream?.outputs[edge!.from.port];
    if (!relation) throw new Error(`${file}: the block before it did not run (${upstream?.error?.message ?? upstream?.status ?? 'missing'})`);
    return relation;
  };
  return {
    result,
    exported: (file) => runner.query(`SELECT * FROM ${feeding(file).ref} ORDER BY ALL`),
    exportedColumns: async (file) => feeding(file).columns.map((c) => c.name),
    exportedCount: async (file) => Number((await runner.query(`SELECT count(*) AS n FROM ${feeding(file).ref}`))[0]!.n),
    close: () => runner.close(),
  };
}
