import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGenDataArgs } from './cli-args';
import { generateMusicSet, scaledMusicSize, validateMusicSize } from './music';
import { MUSIC_GENRES, musicGenreCounts } from './music-tracks';

const scratch = mkdtempSync(join(tmpdir(), 'gen-data-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SMALL = { trackCount: 400, userCount: 40, ratingCount: 4000 } as const;

function readSet(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['tracks.csv', 'ratings.csv', 'planted.json']) out[name] = readFileSync(join(dir, name), 'utf8');
  return out;
}

describe('generateMusicSet', () => {
  it('writes byte-identical files for the same seed, different ones for another seed', async () => {
    await generateMusicSet({ seed: 5, ...SMALL, outDir: join(scratch, 'a') });
    await generateMusicSet({ seed: 5, ...SMALL, outDir: join(scratch, 'b') });
    await generateMusicSet({ seed: 6, ...SMALL, outDir: join(scratch, 'c') });
    const a = readSet(join(scratch, 'a'));
    expect(readSet(join(scratch, 'b'))).toEqual(a);
    expect(readSet(join(scratch, 'c'))['ratings.csv']).not.toEqual(a['ratings.csv']);

    const lines = (a['ratings.csv'] ?? '').trimEnd().split('\n');
    expect(lines).toHaveLength(SMALL.ratingCount + 1);
    const planted = JSON.parse(a['planted.json'] ?? '{}') as { counts: { ratings: number }; noiseRmse: number };
    expect(planted.counts.ratings).toBe(SMALL.ratingCount);
    expect(planted.noiseRmse).toBeGreaterThan(0);
  });
});

describe('musicGenreCounts', () => {
  it('keeps the genre order strict at every catalogue size', () => {
    for (const tracks of [400, 2000, 20_000, 200_000]) {
      const counts = musicGenreCounts(tracks);
      expect(counts).toHaveLength(MUSIC_GENRES.length);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(tracks);
      for (let g = 1; g < counts.length; g++) expect(counts[g]).toBeLessThan(counts[g - 1] ?? 0);
    }
  });
});

describe('scaled sizes and arguments', () => {
  it('scales tracks and users with --ratings', () => {
    expect(scaledMusicSize(10_000_000)).toEqual({ trackCount: 20_000, userCount: 100_000, ratingCount: 10_000_000 });
    expect(() => validateMusicSize(scaledMusicSize(10_000_000))).not.toThrow();
    expect(() => validateMusicSize({ trackCount: 2000, userCount: 10, ratingCount: 100_000 })).toThrow();
  });

  it('parses the command line', () => {
    expect(parseGenDataArgs([])).toEqual({ seed: 42, ratings: null, outDir: 'sample-data', help: false });
    expect(parseGenDataArgs(['--seed', '7', '--ratings', '5000'])).toMatchObject({ seed: 7, ratings: 5000 });
    expect(parseGenDataArgs(['--help']).help).toBe(true);
    expect(() => parseGenDataArgs(['--ratings', 'lots'])).toThrow(/whole number/);
    expect(() => parseGenDataArgs(['--bogus'])).toThrow(/unknown option/);
  });
});
