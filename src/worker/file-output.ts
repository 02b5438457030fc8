/**
 * Block outputs as files. CSV goes through DuckDB's own COPY, exactly the statement the CLI runs, into the engine's
 * in-memory file system, and its bytes are copied out; so an export's CSV is byte for byte the CLI's. Parquet and
 * JSON, whose writers duckdb-wasm lacks offline, are written from the Arrow result (same rows, not the same bytes).
 */
import { blockDefinition, fileWriterKind } from '../engine/blocks/registry';
import type { FileResolver, Relation } from '../engine/blocks/contract';
import type { FlowBlock } from '../engine/flow/schema';
import { fail } from '../engine/errors/catalog';
import type { SqlRunner } from '../engine/sql/sql-runner';
import { quoteLiteral } from '../engine/sql/quote';
import { jsonLines } from './json-lines';
import type { LoadParquet } from './parquet-codec';
import { EXPORT_DIR, type WasmDatabase } from './wasm-database';

/** Blocks that write files read none. */
const noFiles: FileResolver = { inputPath: (name) => fail('E_INPUT_UNMAPPED', { name, file: 'a file' }) };

export class FileOutput {
  private serial = 0;

  constructor(
    private readonly db: WasmDatabase,
    private readonly runner: SqlRunner,
    private readonly loadParquet: LoadParquet,
  ) {}

  /** What a block that writes a file writes from its input relations, as the CLI compiles it. */
  async exportBytes(block: Pick<FlowBlock, 'id' | 'kind'> & { params: unknown }, inputs: Record<string, Relation>): Promise<{ fileName: string; bytes: Uint8Array }> {
    // The params were parsed by this kind's own schema (the flow's, or the download's just below).
    const def = blockDefinition(block.kind);
    const compiled = def.compile({ blockId: block.id, params: block.params, inputs, fitted: undefined, files: noFiles });
    const sink = compiled.sink ?? fail('E_NO_RESULT', { block: block.id, what: 'export file' });
    const format = sink.format;
    let bytes: Uint8Array;
    if (format === 'csv') bytes = await this.copyOut(compiled.select, sink.copyOptions, sink.fileName);
    else if (format === 'parquet') bytes = (await this.loadParquet()).fromArrow(await this.runner.queryArrow(compiled.select));
    else bytes = jsonLines(await this.runner.queryArrow(compiled.select));
    return { fileName: sink.fileName, bytes };
  }

  /** A block output for download: spreadsheet-safe CSV in the engine's row order, or Parquet. */
  async download(blockId: string, input: Relation, format: 'csv' | 'parquet'): Promise<Uint8Array> {
    const params = blockDefinition(fileWriterKind).params.parse({ file: `download.${format}`, format, order: 'none' });
    return (await this.exportBytes({ id: blockId, kind: fileWriterKind, params }, { in: input })).bytes;
  }

  /** Runs the COPY the executor's sink runs, into memory, and takes the file's bytes. */
  private async copyOut(select: string, copyOptions: string, fileName: string): Promise<Uint8Array> {
    const path = `${EXPORT_DIR}${++this.serial}/${fileName}`;
    try {
      await this.runner.query(`COPY (${select}) TO ${quoteLiteral(path)} (${copyOptions})`);
      return await this.db.copyFileToBuffer(path);
    } finally {
      // When the COPY failed there is nothing to drop, and its error is the one to report.
      await this.db.dropFile(path).catch(() => undefined);
    }
  }
}
