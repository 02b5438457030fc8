/**
 * The music workshop's rating log, generated user by user and streamed to
 * disk, so memory stays flat from 100k to 10M+ rows.
 *
 * Planted model (see planted.json and sample-data/README.md):
 *   score = globalMean + userBias + trackBias + genreTaste[user][genre]
 *           + Σ_k audioTaste[user][k] · (2 · feature_k − 1)
 *   Rating = clip(round(score + N(0, noiseSigma)), 1, 5)
 */
import { CsvFileWriter, type WrittenFile } from './csv-writer';
import { AUDIO_FEATURES, MUSIC_GENRES, type MusicCatalog } from './music-tracks';
import { AliasTable, SeededRandom, allocateCounts } from './random';
import { YEAR_2023_START, YEAR_2024_START, formatUtcTimestamp } from './timestamps';

/** ratings.csv header, exactly as the workshop expects it. */
export const RATING_COLUMNS = ['ratingEventId', 'ts', 'userId', 'trackId', 'sessionId', 'itemInSession', 'Rating'] as const;

/** Parameters of the planted model; written verbatim to planted.json. */
export const MUSIC_MODEL = {
  globalMean: 2.9,
  userBiasSd: 0.45,
  genreTasteSd: 0.3,
  favoriteGenreBoost: 0.8,
  dislikedGenrePenalty: 0.6,
  dislikedGenreShare: 0.5,
  audioTasteSd: 0.4,
  noiseSigma: 0.6,
  /** Share of a user's picks drawn from a favourite genre rather than the whole catalogue. */
  favoritePickShare: 0.35,
  minRatingsPerUser: 30,
  minFiveStarsPerUser: 3,
  meanSessionLength: 7,
  maxSessionLength: 40,
} as const;

/** Statistics of what was written, for planted.json. */
export interface MusicRatingsSummary {
  ratings: number;
  users: number;
  sessions: number;
  meanRating: number;
  ratingHistogram: Record<string, number>;
  /** RMSE between the clipped noiseless score and the written rating: the floor for a perfect model. */
  noiseRmse: number;
  /** RMSE of predicting clip(round(noiseless score)), i.e. a perfect model that outputs whole stars. */
  roundedOracleRmse: number;
  /** RMSE of always predicting the mean rating; any useful model beats it. */
  globalMeanBaselineRmse: number;
  /** Ratings raised to 5 so every user keeps minFiveStarsPerUser five-star ratings. */
  fiveStarTopUps: number;
  /** userId → favourite genres, omitted for very large sets. */
  userFavoriteGenres: Record<string, string[]> | null;
}

export interface MusicRatingsOptions {
  seed: number;
  userCount: number;
  ratingCount: number;
  /** Called every ~1M rows with the number of rows written so far. */
  onProgress?: (rowsWritten: number) => void;
}

/** Largest number of ratings one user may have: a quarter of the catalogue, at most 2,000. */
export function maxRatingsPerUser(trackCount: number): number {
  return Math.min(2000, Math.floor(trackCount / 4));
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** Streams ratings.csv for `catalog` and returns what a model test needs to know. */
export async function writeMusicRatings(
  catalog: MusicCatalog,
  options: MusicRatingsOptions,
  path: string,
): Promise<{ file: WrittenFile; summary: MusicRatingsSummary }> {
  const { seed, userCount, ratingCount } = options;
  const m = MUSIC_MODEL;
  const trackCount = catalog.ids.length;
  const featureCount = AUDIO_FEATURES.length;
  const genreCount = MUSIC_GENRES.length;
  const maxPerUser = maxRatingsPerUser(trackCount);
  const perUser = allocateCounts(SeededRandom.forLabel(seed, 'music/activity'), userCount, ratingCount, {
    min: m.minRatingsPerUser,
    max: maxPerUser,
    sigma: 0.8,
  });
  const rng = SeededRandom.forLabel(seed, 'music/ratings');

  const everyTrack = new AliasTable(catalog.popularity);
  const tracksOfGenre: number[][] = MUSIC_GENRES.map(() => []);
  for (let t = 0; t < trackCount; t++) tracksOfGenre[catalog.genreIndex[t] ?? 0]?.push(t);
  const genreTables = tracksOfGenre.map((tracks) => new AliasTable(tracks.map((t) => catalog.popularity[t] ?? 0)));
  // Centring the features once turns the planted dot product into a plain multiply-add.
  const centred = new Float64Array(catalog.features.length);
  for (let i = 0; i < centred.length; i++) centred[i] = 2 * (catalog.features[i] ?? 0.5) - 1;

  // Reused per-user buffers; `ratedBy[t] === u + 1` marks tracks user u already rated.
  const ratedBy = new Uint32Array(trackCount);
  const picks = new Int32Array(maxPerUser);
  const noiseless = new Float64Array(maxPerUser);
  const stars = new Uint8Array(maxPerUser);
  const order: number[] = [];
  const genreTaste = new Float64Array(genreCount);
  const audioTaste = new Float64Array(featureCount);

  const writer = new CsvFileWriter(path, RATING_COLUMNS);
  const userWidth = Math.max(4, String(userCount).length);
  const histogram = [0, 0, 0, 0, 0, 0];
  let sumSquaredNoise = 0;
  let sumSquaredRounded = 0;
  let sumRating = 0;
  let sumRatingSquared = 0;
  let fiveStarTopUps = 0;
  let eventId = 0;
  let sessionId = 0;
  let nextProgress = 1_000_000;
  const favorites: Record<string, string[]> | null = userCount <= 10_000 ? {} : null;

  for (let u = 0; u < userCount; u++) {
    const userId = 'U' + String(u + 1).padStart(userWidth, '0');
    const n = perUser[u] ?? 0;
    const userBias = rng.normal(0, m.userBiasSd);
    for (let g = 0; g < genreCount; g++) genreTaste[g] = rng.normal(0, m.genreTasteSd);
    const favoriteGenres = [rng.int(genreCount)];
    if (rng.chance(0.4)) {
      const second = rng.int(genreCount - 1);
      favoriteGenres.push(second >= (favoriteGenres[0] ?? 0) ? second + 1 : second);
    }
    for (const g of favoriteGenres) genreTaste[g] = (genreTaste[g] ?? 0) + m.favoriteGenreBoost;
    if (rng.chance(m.dislikedGenreShare)) {
      const g = rng.int(genreCount);
      if (!favoriteGenres.includes(g)) genreTaste[g] = (genreTaste[g] ?? 0) - m.dislikedGenrePenalty;
    }
    for (let k = 0; k < featureCount; k++) audioTaste[k] = rng.normal(0, m.audioTasteSd);
    if (favorites) favorites[userId] = favoriteGenres.map((g) => MUSIC_GENRES[g] ?? '');

    let fives = 0;
    for (let i = 0; i < n; i++) {
      const t = pickUnratedTrack(rng, u + 1, favoriteGenres, everyTrack, genreTables, tracksOfGenre, ratedBy);
      ratedBy[t] = u + 1;
      picks[i] = t;
      let score = m.globalMean + userBias + (catalog.bias[t] ?? 0) + (genreTaste[catalog.genreIndex[t] ?? 0] ?? 0);
      const base = t * featureCount;
      for (let k = 0; k < featureCount; k++) score += (audioTaste[k] ?? 0) * (centred[base + k] ?? 0);
      noiseless[i] = score;
      const star = clamp(Math.round(score + rng.normal(0, m.noiseSigma)), 1, 5);
      stars[i] = star;
      if (star === 5) fives++;
    }
    if (fives < m.minFiveStarsPerUser) {
      // Raise the user's best-scoring tracks, so the top-up agrees with the planted tastes.
      order.length = 0;
      for (let i = 0; i < n; i++) order.push(i);
      order.sort((a, b) => (noiseless[b] ?? 0) - (noiseless[a] ?? 0) || a - b);
      for (const i of order) {
        if (fives >= m.minFiveStarsPerUser) break;
        if (stars[i] !== 5) {
          stars[i] = 5;
          fives++;
          fiveStarTopUps++;
        }
      }
    }

    // Sessions: consecutive picks grouped into listening sessions laid out over 2023.
    const sessionEnds: number[] = [];
    const sessionSeconds: number[] = [];
    const itemOffsets = new Float64Array(n);
    let totalSeconds = 0;
    for (let i = 0; i < n; ) {
      const size = Math.min(n - i, m.maxSessionLength, 1 + rng.geometric(1 / m.meanSessionLength));
      let elapsed = 0;
      for (let j = i; j < i + size; j++) {
        itemOffsets[j] = elapsed;
        elapsed += (catalog.lengthSeconds[picks[j] ?? 0] ?? 180) + rng.uniform(0, 20);
      }
      i += size;
      sessionEnds.push(i);
      sessionSeconds.push(elapsed);
      totalSeconds += elapsed;
    }
    // Random gaps (exponential weights) fill the rest of the year, so sessions never overlap
    // and never spill into 2024, whatever the user's activity.
    const gapWeights = sessionEnds.map(() => rng.exponential(1));
    gapWeights.push(rng.exponential(1));
    const gapTotal = gapWeights.reduce((a, b) => a + b, 0);
    const freeSeconds = YEAR_2024_START - YEAR_2023_START - 60 - totalSeconds;
    if (freeSeconds <= 0) throw new Error(`user ${userId} listens for more than a year`);
    let clock = YEAR_2023_START;
    let first = 0;
    for (let s = 0; s < sessionEnds.length; s++) {
      clock += (freeSeconds * (gapWeights[s] ?? 0)) / gapTotal;
      sessionId++;
      const end = sessionEnds[s] ?? n;
      for (let i = first; i < end; i++) {
        const t = picks[i] ?? 0;
        const star = stars[i] ?? 1;
        eventId++;
        writer.addLine(
          `${eventId},${formatUtcTimestamp(clock + (itemOffsets[i] ?? 0))},${userId},${catalog.ids[t]},${sessionId},${i - first},${star}`,
        );
        const floor = clamp(noiseless[i] ?? 0, 1, 5) - star;
        sumSquaredNoise += floor * floor;
        const rounded = clamp(Math.round(noiseless[i] ?? 0), 1, 5) - star;
        sumSquaredRounded += rounded * rounded;
        sumRating += star;
        sumRatingSquared += star * star;
        histogram[star] = (histogram[star] ?? 0) + 1;
      }
      clock += sessionSeconds[s] ?? 0;
      first = end;
    }
    await writer.flushIfFull();
    if (options.onProgress && eventId >= nextProgress) {
      options.onProgress(eventId);
      nextProgress += 1_000_000;
    }
  }

  const file = await writer.close();
  const meanRating = sumRating / eventId;
  const ratingHistogram: Record<string, number> = {};
  for (let star = 1; star <= 5; star++) ratingHistogram[String(star)] = histogram[star] ?? 0;
  return {
    file,
    summary: {
      ratings: eventId,
      users: userCount,
      sessions: sessionId,
      meanRating,
      ratingHistogram,
      noiseRmse: Math.sqrt(sumSquaredNoise / eventId),
      roundedOracleRmse: Math.sqrt(sumSquaredRounded / eventId),
      globalMeanBaselineRmse: Math.sqrt(sumRatingSquared / eventId - meanRating * meanRating),
      fiveStarTopUps,
      userFavoriteGenres: favorites,
    },
  };
}

/**
 * Draws a track the user has not rated yet: mostly by popularity, sometimes from
 * a favourite genre. Rejection is cheap because a user rates at most a quarter
 * of the catalogue; the linear scan only guarantees termination.
 */
function pickUnratedTrack(
  rng: SeededRandom,
  stamp: number,
  favoriteGenres: readonly number[],
  everyTrack: AliasTable,
  genreTables: readonly AliasTable[],
  tracksOfGenre: readonly (readonly number[])[],
  ratedBy: Uint32Array,
): number {
  for (let attempt = 0; attempt < 64; attempt++) {
    let t: number;
    if (rng.chance(MUSIC_MODEL.favoritePickShare)) {
      const g = rng.pick(favoriteGenres);
      const table = genreTables[g];
      t = table ? (tracksOfGenre[g]?.[table.sample(rng)] ?? 0) : 0;
    } else {
      t = everyTrack.sample(rng);
    }
    if (ratedBy[t] !== stamp) return t;
  }
  const start = rng.int(ratedBy.length);
  for (let k = 0; k < ratedBy.length; k++) {
    const t = (start + k) % ratedBy.length;
    if (ratedBy[t] !== stamp) return t;
  }
  throw new Error('user has rated every track');
}
