/** The column names of an output file, read by DuckDB, to check that a peer wrote the same columns. */
import { DuckDBInstance } from '@duckdb/node-api';

export async function outputColumns(file: string, format: 'csv' | 'parquet'): Promise<string[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const read = format === 'csv' ? `read_csv('${file.replaceAll("'", "''")}', header = true)` : `read_parquet('${file.replaceAll("'", "''")}')`;
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${read}`);
    return reader.getRowObjects().map((r) => String(r.column_name));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
