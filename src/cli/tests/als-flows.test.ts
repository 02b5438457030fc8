import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, goldenPath, readJsonLines } from '../../testing/goldens';
import { repoRoot, runCli } from '../../testing/run-cli';

/** The metrics a fixture flow's CLI run wrote (its golden; `fixture flows match their goldens` proves the run gives them). */
function goldenMetrics(flow: string): Record<string, number> {
  const golden = JSON.parse(readFileSync(goldenPath(flow), 'utf8')) as Record<string, { json?: Record<string, number>[] }>;
  return golden['metrics.json']!.json![0]!;
}

describe('the model flows', () => {
  it('playlists: implicit ALS reaches at least 1.5× the popularity baseline’s hit-rate@10', () => {
    const m = goldenMetrics('playlists.flow.json');
    expect(m.als_hit_rate_at_10! / m.popularity_hit_rate_at_10!).toBeGreaterThanOrEqual(1.5);
    expect(m.als_ndcg_at_10).toBeGreaterThan(m.popularity_ndcg_at_10!);
  });

  it('music and movie ratings: held-out RMSE beats predicting the global mean by a wide margin', () => {
    const planted = (dir: string) => JSON.parse(readFileSync(join(repoRoot, 'sample-data', dir, 'planted.json'), 'utf8')) as { globalMeanBaselineRmse: number; noiseRmse: number };
    for (const [flow, dir] of [['music-recommendation.flow.json', 'music'], ['movie-ratings.flow.json', 'movielens']] as const) {
      const { rmse } = goldenMetrics(flow);
      const p = planted(dir);
      expect(rmse, flow).toBeGreaterThan(p.noiseRmse);
      expect(rmse, flow).toBeLessThan(p.noiseRmse + 0.5 * (p.globalMeanBaselineRmse - p.noiseRmse));
    }
  });

  it('ratings-als runs unchanged on any ratings file of the MovieLens shape, given by --input', async () => {
    // Another file of the same shape: other ids, a third of the rows, a different name and folder.
    const dir = mkdtempSync(join(tmpdir(), 'other-ratings-'));
    const lines = readFileSync(join(repoRoot, 'sample-data', 'movielens', 'ratings.csv'), 'utf8').trim().split('\n');
    const rows = lines.slice(1).filter((_, i) => i % 3 === 0).map((l) => {
      const [u, m, r, t] = l.split(',');
      return `${Number(u) + 1000},${Number(m) * 7},${r},${t}`;
    });
    const file = join(dir, 'my ratings.csv');
    writeFileSync(file, `${lines[0]}\n${rows.join('\n')}\n`);
    const out = join(dir, 'out');
    const r = await runCli(['run', join(fixturesDir, 'ratings-als.flow.json'), '--input', `ratings=${file}`, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/iteration 10\/10/);
    const [metrics] = readJsonLines(join(out, 'metrics.json')) as Array<{ rmse: number; mae: number; best: { rank: number; regParam: number } }>;
    expect(metrics!.rmse).toBeGreaterThan(0.3);
    expect(metrics!.rmse).toBeLessThan(1.2);
    expect(metrics!.mae).toBeLessThan(metrics!.rmse);
    expect([5, 10]).toContain(metrics!.best.rank);
    const recs = readFileSync(join(out, 'recommendations.csv'), 'utf8').trim().split('\n');
    expect(recs[0]).toBe('userId,movieId,score,rank');
    // Every user id is one of the new file's (shifted by 1000), never the sample's.
    expect(recs.slice(1).every((l) => Number(l.split(',')[0]) > 1000)).toBe(true);
  });
});
