import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/testing/run-cli';
import { dataDir } from '../data';

export interface EndToEnd {
  ratings: number;
  rank: number;
  iterations: number;
  /** The train block alone: ids mapped in SQL, ratings read out, ALS trained, factors written back. */
  trainSeconds: number;
  /** The whole `wrangle run`, process start to exit. */
  wallSeconds: number;
  backend: string;
}

/** `wrangle run` of import → train-als on the music ratings at a size, as a user would run it. */
export async function endToEnd(ratings: number, rank: number, iterations: number): Promise<EndToEnd> {
  const dir = mkdtempSync(join(tmpdir(), 'wrangle-als-bench-'));
  const flow = {
    format: 'wrangle-flow',
    version: 1,
    name: `ALS ${ratings} ratings`,
    blocks: [
      { id: 'ratings', kind: 'import', params: { input: 'ratings', file: 'ratings.csv' } },
      { id: 'train', kind: 'train-als', params: { userColumn: 'userId', itemColumn: 'trackId', ratingColumn: 'Rating', rank, maxIter: iterations } },
    ],
    edges: [{ from: { block: 'ratings', port: 'out' }, to: { block: 'train', port: 'ratings' } }],
  };
  const flowPath = join(dir, 'als.flow.json');
  writeFileSync(flowPath, JSON.stringify(flow));
  const started = performance.now();
  const r = await runCli(['run', flowPath, '--data', dataDir(ratings), '--out', join(dir, 'out'), '--json']);
  const wallSeconds = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true, force: true });
  if (r.code !== 0) throw new Error(`the ALS run failed:\n${r.stderr}`);
  const summary = JSON.parse(r.stdout) as { blocks: { id: string; seconds: number; model?: { backend: string } }[] };
  const train = summary.blocks.find((b) => b.id === 'train')!;
  return { ratings, rank, iterations, trainSeconds: train.seconds, wallSeconds: Number(wallSeconds.toFixed(2)), backend: train.model?.backend ?? 'unknown' };
}
