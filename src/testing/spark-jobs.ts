import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { repoRoot } from './run-cli';

/**
 * The Spark tier's Python (.venv-spark, made by scripts/ensure-spark.mjs), or undefined where it is not there.
 * WRANGLE_SPARK_VENV names another virtual environment (`.venv-spark35` with pyspark 3.5, say) to run the same tier
 * on another Spark version.
 */
export const sparkPython: string | undefined = ((path) => (existsSync(path) ? path : undefined))(
  join(repoRoot, process.env.WRANGLE_SPARK_VENV ?? '.venv-spark', 'bin', 'python'),
);

export interface SparkJob {
  name: string;
  job: string;
  argv: string[];
}

export interface SparkRun {
  spark: string;
  results: Record<string, { ok: boolean; error?: string; seconds?: number }>;
}

/** Runs the jobs in one local Spark session (scripts/spark-jobs.py), in order. */
export function runSparkJobs(jobs: SparkJob[], dir: string): Promise<SparkRun> {
  const manifest = join(dir, 'spark-jobs.json');
  const results = join(dir, 'spark-results.json');
  writeFileSync(manifest, JSON.stringify(jobs));
  return new Promise((resolve, reject) => {
    execFile(sparkPython!, [join(repoRoot, 'scripts', 'spark-jobs.py'), manifest, results], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`spark-jobs.py failed: ${error.message}\n${stderr.slice(-4000)}`));
      else resolve(JSON.parse(readFileSync(results, 'utf8')) as SparkRun);
    });
  });
}

/** A table as read back by DuckDB: its columns with their types, and its rows sorted. */
export interface ReadBack {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

/** Reads a Parquet file, or a folder of Spark part files, with DuckDB: columns, types, rows in sorted order. */
export async function readParquet(path: string): Promise<ReadBack> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    const source = existsSync(join(path, '_SUCCESS')) ? `${path}/*.parquet` : path;
    const from = `read_parquet('${source.replaceAll("'", "''")}')`;
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJson();
    const rows = (await connection.runAndReadAll(`SELECT * FROM ${from} ORDER BY ALL`)).getRowsJson();
    return { columns: described.map((d) => ({ name: String(d.column_name), type: String(d.column_type) })), rows: rows as unknown[][] };
  } finally {
    connection.closeSync();
  }
}

/** Where two sorted row sets differ (text equal, numbers within `relative`), at most `limit` differences. */
export function rowDifferences(expected: unknown[][], actual: unknown[][], relative = 1e-9, limit = 5): string[] {
  const out: string[] = [];
  if (expected.length !== actual.length) out.push(`row count: expected ${expected.length}, got ${actual.length}`);
  const same = (a: unknown, b: unknown): boolean => {
    const x = typeof a === 'string' && a !== '' && !Number.isNaN(Number(a)) && typeof b !== 'string' ? Number(a) : a;
    const y = typeof b === 'string' && b !== '' && !Number.isNaN(Number(b)) && typeof a !== 'string' ? Number(b) : b;
    if (typeof x === 'number' && typeof y === 'number') return x === y || Math.abs(x - y) <= relative * Math.max(Math.abs(x), Math.abs(y));
    return JSON.stringify(x) === JSON.stringify(y);
  };
  for (let i = 0; i < Math.min(expected.length, actual.length) && out.length < limit; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    if (e.length !== a.length || e.some((v, j) => !same(v, a[j]))) out.push(`row ${i}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
  }
  return out;
}
