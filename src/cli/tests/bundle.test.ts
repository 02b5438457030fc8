import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../testing/goldens';
import { repoRoot, runCli } from '../../testing/run-cli';

// Vitest's global setup builds dist-cli/ (scripts/build-cli.mjs) when it is stale, so these read the current bundle.
const bundleDir = join(repoRoot, 'dist-cli');
const read = (file: string) => readFileSync(join(bundleDir, file), 'utf8');

/** The bundle's files that `file` loads before its code runs: its static imports of other bundle files, transitively. */
function staticallyLoaded(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  for (const [, next] of read(file).matchAll(/^(?:import|export)\b[^;]*?from\s*"\.\/([^"]+)"/gms)) {
    if (next && !seen.has(next)) staticallyLoaded(next, seen);
  }
  return seen;
}

describe('the bundled CLI (dist-cli/)', () => {
  it('answers as the TypeScript sources do (WRANGLE_FROM_SOURCE=1)', async () => {
    const flow = join(fixturesDir, 'music-recommendation.flow.json');
    for (const args of [['--help'], ['run', '--help'], ['no-such-command'], ['validate', flow], ['run', flow, '--threads', '0']]) {
      const [bundled, fromSource] = await Promise.all([runCli(args), runCli(args, repoRoot, { WRANGLE_FROM_SOURCE: '1' })]);
      expect(bundled, args.join(' ')).toEqual(fromSource);
    }
  });

  it('loads native DuckDB only for a command, webgpu only when asked for, and neither is bundled', () => {
    const atStart = [...staticallyLoaded('wrangle.mjs')].map(read).join('\n');
    expect(atStart).not.toContain('@duckdb/node-api');
    const outputs = (JSON.parse(read('inputs.json')) as { outputs: string[] }).outputs.map((file) => basename(file));
    const all = outputs.map(read).join('\n');
    expect(all).toMatch(/from "@duckdb\/node-api"/);
    expect(all).toContain('import("webgpu")');
    expect(all).not.toMatch(/from "webgpu"/);
  });

  it('starts its ALS worker threads from a prebuilt file beside it, without tsx', () => {
    const worker = read('als-worker.mjs');
    expect(worker).not.toContain('tsx');
    expect(worker).toContain('parentPort');
  });
});
