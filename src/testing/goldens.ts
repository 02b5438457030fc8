import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run-cli';

/** What a golden records about one output file: enough to prove byte-identity without committing the file. */
export interface GoldenFile {
  bytes: number;
  sha256: string;
  rows: number;
  columns: string[];
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
