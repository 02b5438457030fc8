/**
 * Checks the committed files under sample-data/ with plain fs: the shapes the
 * workshops rely on, and that the generator still reproduces them exactly.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from './cli-args';
import { COMMITTED_MOVIELENS_SIZE, MOVIELENS_GENRES, NO_GENRES, generateMovieLensSet } from './movielens';
import { COMMITTED_MUSIC_SIZE, generateMusicSet } from './music';
import { MUSIC_GENRES, TRACK_COLUMNS } from './music-tracks';
import { RATING_COLUMNS } from './music-ratings';
import { COMMITTED_PLAYLISTS_SIZE, generatePlaylistsSet } from './playlists';

const sampleData = fileURLToPath(new URL('../../sample-data/', import.meta.url));

const COMMITTED_FILES = [
  'music/tracks.csv',
  'music/ratings.csv',
  'music/planted.json',
  'movielens/movies.csv',
  'movielens/ratings.csv',
  'movielens/planted.json',
  'playlists/playlists.csv',
  'playlists/planted.json',
] as const;

function read(relativePath: string): string {
  return readFileSync(join(sampleData, relativePath), 'utf8');
}

/** Header and rows of a committed CSV; the files are never quoted, so a split is exact. */
function readCsv(relativePath: string): { header: string[]; rows: string[][] } {
  const lines = read(relativePath).replace(/\n$/, '').split('\n');
  return { header: (lines[0] ?? '').split(','), rows: lines.slice(1).map((line) => line.split(',')) };
}

describe('committed CSV files', () => {
  it.each(COMMITTED_FILES.filter((file) => file.endsWith('.csv')))('%s is unquoted LF CSV', (file) => {
    const text = read(file);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/["\r]/);
    const { header, rows } = readCsv(file);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
  });
});

function column(rows: readonly string[][], index: number): string[] {
  return rows.map((row) => row[index] ?? '');
}

describe('music workshop data', () => {
  const tracks = readCsv('music/tracks.csv');
  const ratings = readCsv('music/ratings.csv');
  const planted = JSON.parse(read('music/planted.json')) as {
    counts: { tracks: number; users: number; ratings: number };
    noiseRmse: number;
    globalMeanBaselineRmse: number;
  };

  it('has the tracks.csv columns and a strict genre frequency order', () => {
    expect(tracks.header).toEqual([...TRACK_COLUMNS]);
    expect(tracks.rows).toHaveLength(planted.counts.tracks);
    expect(new Set(column(tracks.rows, 0)).size).toBe(tracks.rows.length);
    const counts = new Map<string, number>();
    for (const genre of column(tracks.rows, 9)) counts.set(genre, (counts.get(genre) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...MUSIC_GENRES].sort());
    const ordered = MUSIC_GENRES.map((genre) => counts.get(genre) ?? 0);
    for (let g = 1; g < ordered.length; g++) expect(ordered[g]).toBeLessThanOrEqual((ordered[g - 1] ?? 0) - 10);
    const outOfRange = tracks.rows.filter((row) => {
      const tempo = Number(row[8]);
      const unit = row.slice(2, 8).map(Number);
      return !(tempo >= 60 && tempo <= 200) || !unit.every((value) => value >= 0 && value <= 1);
    });
    expect(outOfRange).toEqual([]);
  });

  it('has integer 1..5 ratings, unique (userId, trackId) pairs and 3+ five-star ratings per user', () => {
    expect(ratings.header).toEqual([...RATING_COLUMNS]);
    expect(ratings.rows).toHaveLength(planted.counts.ratings);
    const trackIds = new Set(column(tracks.rows, 0));
    const pairs = new Set<string>();
    const eventIds = new Set<string>();
    const fiveStars = new Map<string, number>();
    const histogram = [0, 0, 0, 0, 0, 0];
    // Plain checks per row, one expect at the end: 100k expect() calls take seconds.
    const badRows: string[][] = [];
    for (const row of ratings.rows) {
      const [eventId, ts, userId, trackId, sessionId, itemInSession, rating] = row;
      const valid =
        /^\d+$/.test(eventId ?? '') &&
        /^2023-\d\d-\d\d \d\d:\d\d:\d\d$/.test(ts ?? '') &&
        trackIds.has(trackId ?? '') &&
        /^\d+$/.test(sessionId ?? '') &&
        /^\d+$/.test(itemInSession ?? '') &&
        /^[1-5]$/.test(rating ?? '');
      if (!valid && badRows.length < 5) badRows.push(row);
      eventIds.add(eventId ?? '');
      pairs.add(`${userId}/${trackId}`);
      const star = Number(rating);
      histogram[star] = (histogram[star] ?? 0) + 1;
      fiveStars.set(userId ?? '', (fiveStars.get(userId ?? '') ?? 0) + (star === 5 ? 1 : 0));
    }
    expect(badRows).toEqual([]);
    expect(eventIds.size).toBe(ratings.rows.length);
    expect(pairs.size).toBe(ratings.rows.length);
    expect(fiveStars.size).toBe(planted.counts.users);
    expect(Math.min(...fiveStars.values())).toBeGreaterThanOrEqual(3);
    // Every star value is well represented and the mean is plausible.
    for (let star = 1; star <= 5; star++) expect(histogram[star]).toBeGreaterThan(0.03 * ratings.rows.length);
    const mean = histogram.reduce((sum, count, star) => sum + star * count, 0) / ratings.rows.length;
    expect(mean).toBeGreaterThan(3.1);
    expect(mean).toBeLessThan(3.5);
  });

  it('plants a noise floor well below the mean-rating baseline', () => {
    expect(planted.noiseRmse).toBeGreaterThan(0.3);
    expect(planted.noiseRmse).toBeLessThan(planted.globalMeanBaselineRmse - 0.3);
  });
});

describe('MovieLens-shaped data', () => {
  it('has the MovieLens columns, genres and half-star ratings', () => {
    const movies = readCsv('movielens/movies.csv');
    expect(movies.header).toEqual(['movieId', 'title', 'genres']);
    const genreNames = new Set<string>(MOVIELENS_GENRES);
    const badMovies = movies.rows.filter(([movieId, title, genres]) => {
      const list = (genres ?? '').split('|');
      const genresValid = genres === NO_GENRES || (list.length <= 3 && list.every((genre) => genreNames.has(genre)));
      return !/^\d+$/.test(movieId ?? '') || !/ \(\d{4}\)$/.test(title ?? '') || !genresValid;
    });
    expect(badMovies).toEqual([]);
    expect(movies.rows.some(([, , genres]) => genres === NO_GENRES)).toBe(true);
    const movieIds = new Set(column(movies.rows, 0));

    const ratings = readCsv('movielens/ratings.csv');
    expect(ratings.header).toEqual(['userId', 'movieId', 'rating', 'timestamp']);
    const pairs = new Set<string>();
    const badRatings: string[][] = [];
    for (const row of ratings.rows) {
      const [userId, movieId, rating, timestamp] = row;
      const value = Number(rating);
      const valid =
        movieIds.has(movieId ?? '') &&
        /^\d\.\d$/.test(rating ?? '') &&
        value >= 0.5 &&
        value <= 5 &&
        Number.isInteger(value * 2) &&
        /^\d{9,10}$/.test(timestamp ?? '');
      if (!valid && badRatings.length < 5) badRatings.push(row);
      pairs.add(`${userId}/${movieId}`);
    }
    expect(badRatings).toEqual([]);
    expect(pairs.size).toBe(ratings.rows.length);
    const planted = JSON.parse(read('movielens/planted.json')) as { counts: { ratings: number; movies: number } };
    expect(ratings.rows).toHaveLength(planted.counts.ratings);
    expect(movies.rows).toHaveLength(planted.counts.movies);
  });
});

describe('playlists data', () => {
  it('has the playlists header and the planted row count', () => {
    const playlists = readCsv('playlists/playlists.csv');
    expect(playlists.header).toEqual(['user_id', 'artistname', 'trackname', 'playlistname']);
    const planted = JSON.parse(read('playlists/planted.json')) as { counts: { rows: number; playlists: number } };
    expect(playlists.rows).toHaveLength(planted.counts.rows);
    expect(new Set(playlists.rows.map((row) => `${row[0]}/${row[3]}`)).size).toBe(planted.counts.playlists);
  });
});

describe('regeneration', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'gen-data-committed-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reproduces every committed file byte for byte', async () => {
    const seed = DEFAULT_SEED;
    await generateMusicSet({ seed, ...COMMITTED_MUSIC_SIZE, outDir: join(scratch, 'music') });
    await generateMovieLensSet({ seed, ...COMMITTED_MOVIELENS_SIZE, outDir: join(scratch, 'movielens') });
    await generatePlaylistsSet({ seed, ...COMMITTED_PLAYLISTS_SIZE, outDir: join(scratch, 'playlists') });
    for (const file of COMMITTED_FILES) {
      // Compare lengths first: a failing toBe on 5 MB strings prints an unreadable diff.
      const fresh = readFileSync(join(scratch, file), 'utf8');
      const committed = read(file);
      expect(fresh.length, file).toBe(committed.length);
      expect(fresh === committed, `${file} differs; run npm run gen-data`).toBe(true);
    }
  });
});
