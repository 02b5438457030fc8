/**
 * Rewrites sample-data/expected/*.json by running every fixture flow through the CLI. Run it only when an output
 * is meant to change, and say why in the commit.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOutput, fixtureFlows, fixturesDir, goldenPath } from '../src/testing/goldens';
import { repoRoot, runCli } from '../src/testing/run-cli';

for (const { flow, data } of fixtureFlows()) {
  const out = mkdtempSync(join(tmpdir(), 'wrangle-golden-'));
  const r = await runCli(['run', join(fixturesDir, flow), '--data', join(repoRoot, 'sample-data', data), '--out', out, '--force']);
  if (r.code !== 0) throw new Error(`${flow} failed:\n${r.stderr}`);
  const files: Record<string, unknown> = {};
  for (const f of readdirSync(out).sort()) files[f] = await describeOutput(join(out, f));
  writeFileSync(goldenPath(flow), `${JSON.stringify(files, null, 2)}\n`);
  rmSync(out, { recursive: true, force: true });
  console.log(`${flow}: ${Object.keys(files).join(', ')}`);
}
