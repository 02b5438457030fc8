/** The music workshop's SQL up to its split, from `wrangle sql`, for the benches that try other plans for the split and its exports. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/testing/run-cli';
import { benchFlows } from './flows';

export interface SplitSql {
  /** A folder for the outputs (the caller removes it). */
  scratch: string;
  /** The statements up to the split; the CSV imports are tables, as the CLI keeps them. */
  setup: string[];
  /** The relation the split reads. */
  base: string;
  /** The split's seeded unit in [0, 1) per row (md5 of its key columns). */
  unit: string;
}

export function workshopSplitSql(data: string): SplitSql {
  const flows = benchFlows(join(repoRoot, 'sample-data', 'flows', 'music-recommendation.flow.json'));
  const scratch = mkdtempSync(join(tmpdir(), 'wrangle-split-sql-'));
  copyFileSync(flows.workshop, join(scratch, 'flow.json'));
  const script = execFileSync(process.execPath, [join(repoRoot, 'bin', 'wrangle.mjs'), 'sql', join(scratch, 'flow.json'), '--data', data, '--out', scratch], { encoding: 'utf8' });
  const statements = script.split(/;\n/).map((s) => s.replace(/^(--[^\n]*\n|\s)+/, '').trim()).filter((s) => s.startsWith('CREATE'));
  const splitAt = statements.findIndex((s) => s.includes('__wrangle_part'));
  const splitSql = statements[splitAt]!;
  return {
    scratch,
    setup: statements.slice(0, splitAt).map((s) => (s.includes('read_csv(') ? s.replace('CREATE OR REPLACE VIEW', 'CREATE OR REPLACE TABLE') : s)),
    base: /FROM ("w_[0-9a-f]+")$/.exec(splitSql)![1]!,
    unit: /CASE WHEN (.*) < 0\.8 THEN/.exec(splitSql)![1]!,
  };
}
