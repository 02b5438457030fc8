/**
 * How long DuckDB's own writer takes to write a run's output rows again, from memory, unsorted: the part of a run's
 * time that no plan of the flow can remove. At 10M ratings the music flow writes 10M rows of 38 columns, and this is
 * what bounds the CSV run from below.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function writerAloneSeconds(files: string[], format: 'csv' | 'parquet'): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(availableParallelism()) });
  const connection = await instance.connect();
  const scratch = mkdtempSync(join(tmpdir(), 'wrangle-writer-'));
  try {
    const list = `[${files.map(literal).join(', ')}]`;
    const read = format === 'csv' ? `read_csv(${list}, header = true)` : `read_parquet(${list})`;
    await connection.run(`CREATE TABLE rows_out AS SELECT * FROM ${read}`);
    const options = format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
    const started = performance.now();
    await connection.run(`COPY rows_out TO ${literal(join(scratch, `again.${format}`))} (${options})`);
    return (performance.now() - started) / 1000;
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(scratch, { recursive: true, force: true });
  }
}
