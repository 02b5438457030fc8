import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeCsv, fixtureFlows, fixturesDir, goldenPath, matchesGolden, type GoldenOutput } from '../../testing/goldens';
import { repoRoot, runCli } from '../../testing/run-cli';

const flow = join(fixturesDir, 'music-recommendation.flow.json');
const data = join(repoRoot, 'sample-data', 'music');
const features = [
  'energy', 'acousticness', 'valence', 'speechiness', 'instrumentalness', 'liveness', 'tempo', 'danceability',
  'genre_Latin', 'genre_Folk', 'genre_Blues', 'genre_Rap', 'genre_Reggae', 'genre_Jazz', 'genre_RnB', 'genre_Country',
  'genre_Electronic', 'genre_Pop_Rock',
];

describe('wrangle run on the music workshop flow', () => {
  let first: string;
  let second: string;
  let summary: { ok: boolean; blocks: { id: string; rows?: number }[]; outputs: { file: string; rows: number }[] };

  beforeAll(async () => {
    first = mkdtempSync(join(tmpdir(), 'music-a-'));
    second = mkdtempSync(join(tmpdir(), 'music-b-'));
    const [a, b] = await Promise.all([
      runCli(['run', flow, '--data', data, '--out', first, '--force', '--json']),
      runCli(['run', flow, '--data', data, '--out', second, '--force', '--threads', '1']),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    summary = JSON.parse(a.stdout);
  });

  it('writes train.csv and test.csv with Rating first, the 18 five-star features and genre columns in label order', () => {
    expect(readdirSync(first).sort()).toEqual(['item_factors.parquet', 'metrics.json', 'recommendations.csv', 'test.csv', 'train.csv', 'user_factors.parquet']);
    const train = describeCsv(join(first, 'train.csv'));
    expect(train.columns[0]).toBe('Rating');
    expect(train.columns.slice(1, 19)).toEqual(features.map((f) => `${f}_5star`));
    const labels = (JSON.parse(readFileSync(flow, 'utf8')) as { blocks: { id: string; fitted?: { labels: string[] } }[] }).blocks.find(
      (b) => b.id === 'genre_onehot',
    )!.fitted!.labels;
    expect(labels).toEqual(['Pop_Rock', 'Reggae', 'Folk', 'Latin', 'Rap', 'Country', 'RnB', 'Blues', 'Jazz', 'Electronic']);
    expect(train.columns.filter((c) => /^genre_[A-Za-z_]+$/.test(c))).toEqual(labels.map((l) => `genre_${l}`));
    expect(train.columns).not.toContain('userId_0');
    expect(train.columns).not.toContain('trackId_0');
  });

  it('splits every joined row into train or test, 80/20', () => {
    // Every sample rating has a known track and a user with five-star ratings, so the joins keep every rating. The
    // split itself is a view here (each export computes it), and the CLI counts tables only.
    const ratings = summary.blocks.find((b) => b.id === 'ratings')!;
    const train = summary.outputs.find((o) => o.file === 'train.csv')!.rows;
    const test = summary.outputs.find((o) => o.file === 'test.csv')!.rows;
    expect(ratings.rows).toBe(100_000);
    expect(train + test).toBe(ratings.rows);
    expect(Math.abs(train / (train + test) - 0.8)).toBeLessThanOrEqual(0.01);
  });

  it('gives byte-identical files on two runs, whatever the thread count', () => {
    for (const f of ['train.csv', 'test.csv', 'recommendations.csv']) {
      expect(readFileSync(join(first, f)).equals(readFileSync(join(second, f))), f).toBe(true);
    }
  });
});

describe('fixture flows match their goldens', () => {
  it.each(fixtureFlows())('$flow', async ({ flow: file, data: dataDir }) => {
    const out = mkdtempSync(join(tmpdir(), 'golden-'));
    const r = await runCli(['run', join(fixturesDir, file), '--data', join(repoRoot, 'sample-data', dataDir), '--out', out, '--force']);
    expect(r.code, r.stderr).toBe(0);
    const expected = JSON.parse(readFileSync(goldenPath(file), 'utf8')) as Record<string, GoldenOutput>;
    for (const [name, golden] of Object.entries(expected)) {
      expect(existsSync(join(out, name)), name).toBe(true);
      const { ok, actual } = await matchesGolden(join(out, name), golden);
      expect(ok, `${name}: ${JSON.stringify(actual).slice(0, 400)}`).toBe(true);
    }
  });
});
