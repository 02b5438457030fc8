import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run-cli';

/** What a golden records about one CSV output: enough to prove byte-identity without committing the file. */
export interface GoldenFile {
  bytes: number;
  sha256: string;
  rows: number;
  columns: string[];
}

/**
 * A JSON output (model metrics) is compared by value, numbers to 1e-6 relative: a float's last digit is the JSON
 * writer's business (DuckDB's natively, the studio's in the browser), the metric is the same. A Parquet output is
 * compared by rows and columns: its bytes are the writer's (DuckDB natively, parquet-wasm in the browser).
 */
export type GoldenOutput = GoldenFile | { json: unknown[] } | { parquetRows: number; columns: string[] };

/** Relative tolerance of a JSON golden's numbers. */
export const JSON_TOLERANCE = 1e-6;

/** Numbers equal to within JSON_TOLERANCE relative (or 1e-12 absolute, near zero); anything else equal exactly. */
export function sameValues(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= Math.max(1e-12, JSON_TOLERANCE * Math.abs(expected));
  }
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameValues(actual[i], e));
  if (expected !== null && typeof expected === 'object') {
    const keys = Object.keys(expected);
    return actual !== null && typeof actual === 'object' && Object.keys(actual).length === keys.length &&
      keys.every((k) => sameValues((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k]));
  }
  return actual === expected;
}

/** The objects of a newline-delimited JSON file. */
export function readJsonLines(path: string): unknown[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
}

export interface FixtureEntry {
  flow: string;
  data: string;
}

export const fixturesDir = join(repoRoot, 'sample-data', 'flows');
export const expectedDir = join(repoRoot, 'sample-data', 'expected');

export function fixtureFlows(): FixtureEntry[] {
  return (JSON.parse(readFileSync(join(fixturesDir, 'fixtures.json'), 'utf8')) as { flows: FixtureEntry[] }).flows;
}

export function goldenPath(flowFile: string): string {
  return join(expectedDir, flowFile.replace(/\.flow\.json$/, '.json'));
}

/** Summarises a CSV output: size, digest, data rows and header columns. */
export function describeCsv(path: string): GoldenFile {
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  return {
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rows: Math.max(0, lines.length - 1),
    columns: (lines[0] ?? '').split(','),
  };
}

/** Rows and column names of a Parquet file, read by a plain (test-only) DuckDB. */
export async function describeParquet(path: string): Promise<{ parquetRows: number; columns: string[] }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const literal = `'${path.replaceAll("'", "''")}'`;
  const rows = await c.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${literal})`);
  const cols = await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${literal})`);
  const out = { parquetRows: Number(rows.getRowObjects()[0]!.n), columns: cols.getRowObjects().map((r) => String(r.column_name)) };
  c.closeSync();
  db.closeSync();
  return out;
}

/** The golden of an output file, by its kind (extension). */
export async function describeOutput(path: string): Promise<GoldenOutput> {
  if (path.endsWith('.json')) return { json: readJsonLines(path) };
  if (path.endsWith('.parquet')) return describeParquet(path);
  return describeCsv(path);
}

/** Whether an output file matches its golden: CSV byte for byte, JSON by value, Parquet by shape. */
export async function matchesGolden(path: string, golden: GoldenOutput): Promise<{ ok: boolean; actual: GoldenOutput }> {
  const actual = await describeOutput(path);
  if ('json' in golden) return { ok: 'json' in actual && sameValues(actual.json, golden.json), actual };
  return { ok: JSON.stringify(actual) === JSON.stringify(golden), actual };
}
