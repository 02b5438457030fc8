/**
 * The music workshop data set: tracks.csv, ratings.csv and planted.json.
 */
import { join } from 'node:path';
import { round6, writeJsonFile, type WrittenFile } from './csv-writer';
import { MUSIC_MODEL, maxRatingsPerUser, writeMusicRatings } from './music-ratings';
import { AUDIO_FEATURES, MUSIC_GENRES, TRACK_BIAS_SD, generateMusicCatalog, writeMusicTracks } from './music-tracks';

/** Size of the committed music set. */
export const COMMITTED_MUSIC_SIZE = { trackCount: 2000, userCount: 1000, ratingCount: 100_000 } as const;

export interface MusicSetOptions {
  seed: number;
  trackCount: number;
  userCount: number;
  ratingCount: number;
  outDir: string;
  onProgress?: (rowsWritten: number) => void;
}

/** Catalogue and user counts for a `--ratings N` run: tracks and users grow with N. */
export function scaledMusicSize(ratingCount: number): { trackCount: number; userCount: number; ratingCount: number } {
  return {
    trackCount: Math.max(2000, Math.round(ratingCount / 500)),
    userCount: Math.max(10, Math.round(ratingCount / 100)),
    ratingCount,
  };
}

/** Checks that the requested sizes can be honoured before any file is touched. */
export function validateMusicSize(size: { trackCount: number; userCount: number; ratingCount: number }): void {
  const { trackCount, userCount, ratingCount } = size;
  const max = maxRatingsPerUser(trackCount);
  if (ratingCount < userCount * MUSIC_MODEL.minRatingsPerUser || ratingCount > userCount * max) {
    throw new Error(
      `${ratingCount} ratings do not fit ${userCount} users with ${MUSIC_MODEL.minRatingsPerUser}..${max} ratings each`,
    );
  }
}

/** Generates the whole music set into `outDir` and returns the files written. */
export async function generateMusicSet(options: MusicSetOptions): Promise<WrittenFile[]> {
  validateMusicSize(options);
  const { seed, trackCount, userCount, ratingCount, outDir } = options;
  const catalog = generateMusicCatalog(seed, trackCount);
  const tracksFile = await writeMusicTracks(catalog, join(outDir, 'tracks.csv'));
  const { file: ratingsFile, summary } = await writeMusicRatings(
    catalog,
    { seed, userCount, ratingCount, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    join(outDir, 'ratings.csv'),
  );
  const genreCounts: Record<string, number> = {};
  MUSIC_GENRES.forEach((genre, g) => {
    genreCounts[genre] = catalog.genreCounts[g] ?? 0;
  });
  const { userFavoriteGenres, ...stats } = summary;
  const planted = {
    dataset: 'music',
    seed,
    counts: { tracks: trackCount, users: userCount, ratings: summary.ratings, sessions: summary.sessions },
    ratingScale: { min: 1, max: 5, step: 1 },
    noiseSigma: MUSIC_MODEL.noiseSigma,
    noiseRmse: round6(stats.noiseRmse),
    roundedOracleRmse: round6(stats.roundedOracleRmse),
    globalMeanBaselineRmse: round6(stats.globalMeanBaselineRmse),
    meanRating: round6(stats.meanRating),
    ratingHistogram: stats.ratingHistogram,
    fiveStarTopUps: stats.fiveStarTopUps,
    genreCounts,
    model: {
      formula:
        'score = globalMean + userBias + trackBias + genreTaste[genre] + sum_k audioTaste[k] * (2 * feature_k - 1); ' +
        'Rating = clip(round(score + N(0, noiseSigma)), 1, 5)',
      audioFeatures: AUDIO_FEATURES,
      trackBiasSd: TRACK_BIAS_SD,
      ...MUSIC_MODEL,
    },
    notes: [
      'noiseRmse is computed between clip(score, 1, 5) and the written Rating, so it includes rounding and the five-star top-ups.',
      'Rows are grouped by user and chronological within a user; ratingEventId follows file order.',
      'Track popularity (chance of being rated) is log-normal and correlated with trackBias.',
    ],
    userFavoriteGenres,
  };
  const plantedFile = writeJsonFile(join(outDir, 'planted.json'), planted);
  return [tracksFile, ratingsFile, plantedFile];
}
