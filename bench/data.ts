import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/testing/run-cli';

/** The music data at a size: the committed 100k, or a generated set (made on first use, ignored by git). */
export function dataDir(ratings: number): string {
  if (ratings === 100_000) return join(repoRoot, 'sample-data', 'music');
  const dir = join(repoRoot, 'sample-data', 'generated', `music-${ratings}`);
  if (!existsSync(join(dir, 'ratings.csv'))) {
    console.log(`generating ${ratings.toLocaleString('en-US')} ratings into ${dir} …`);
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'scripts', 'gen-data', 'main.ts'), '--ratings', String(ratings)], { stdio: 'inherit' });
  }
  return dir;
}
