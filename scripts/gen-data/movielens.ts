/**
 * A MovieLens-shaped data set (movies.csv, ratings.csv, planted.json) with
 * planted genre tastes, in the format of the public ml-latest-small files.
 */
import { join } from 'node:path';
import { CsvFileWriter, assertCsvSafe, round6, writeJsonFile, type WrittenFile } from './csv-writer';
import { AliasTable, SeededRandom, allocateCounts } from './random';
import { ADJECTIVES, NOUNS, PLURAL_NOUNS } from './words';

/** The MovieLens genre vocabulary, alphabetical as in the original files. */
export const MOVIELENS_GENRES = [
  'Action', 'Adventure', 'Animation', 'Children', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy',
  'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
] as const;

/** Relative genre frequencies, roughly those of ml-latest-small. */
const GENRE_WEIGHTS = [1828, 1263, 611, 664, 3756, 1199, 440, 4361, 779, 87, 978, 334, 573, 1596, 980, 1894, 382, 167];

export const NO_GENRES = '(no genres listed)';

/** Size of the committed MovieLens-shaped set. */
export const COMMITTED_MOVIELENS_SIZE = { movieCount: 1500, userCount: 600, ratingCount: 60_000 } as const;

/** Planted model parameters; written verbatim to planted.json. */
export const MOVIELENS_MODEL = {
  globalMean: 3.2,
  userBiasSd: 0.5,
  movieBiasSd: 0.35,
  genreTasteSd: 0.45,
  favoriteGenreBoost: 0.7,
  noiseSigma: 0.55,
  /** Share of users who use half stars; the others rate in whole stars. */
  halfStarUserShare: 0.5,
  /** Share of a user's picks drawn from a favourite genre. */
  favoritePickShare: 0.3,
  noGenresShare: 0.01,
  minRatingsPerUser: 20,
} as const;

const FIRST_TIMESTAMP = 946684800; // 2000-01-01
const LAST_WINDOW_START = 1496275200; // 2017-06-01
const LAST_TIMESTAMP = 1538265600; // 2018-09-30

export interface MovieLensOptions {
  seed: number;
  outDir: string;
  movieCount: number;
  userCount: number;
  ratingCount: number;
}

interface Movie {
  id: number;
  title: string;
  genres: number[];
  bias: number;
  popularity: number;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

function movieTitle(rng: SeededRandom): string {
  const pattern = rng.int(4);
  if (pattern === 0) return `The ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  if (pattern === 1) return `${rng.pick(NOUNS)} of the ${rng.pick(PLURAL_NOUNS)}`;
  if (pattern === 2) return `${rng.pick(ADJECTIVES)} ${rng.pick(PLURAL_NOUNS)}`;
  return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
}

/** Builds the movie list: unique titles with years, 1–3 genres, planted bias and popularity. */
export function generateMovies(seed: number, movieCount: number): Movie[] {
  const rng = SeededRandom.forLabel(seed, 'movielens/movies');
  const genreTable = new AliasTable(GENRE_WEIGHTS);
  const seen = new Set<string>();
  const movies: Movie[] = [];
  let id = 0;
  while (movies.length < movieCount) {
    // MovieLens ids have gaps; keep a few so nobody relies on id == row number.
    id += rng.chance(0.15) ? 2 + rng.int(4) : 1;
    const year = 2018 - Math.min(88, Math.floor(rng.exponential(16)));
    let title = `${movieTitle(rng)} (${year})`;
    while (seen.has(title)) title = `${movieTitle(rng)} (${year})`;
    seen.add(title);
    const genres: number[] = [];
    if (!rng.chance(MOVIELENS_MODEL.noGenresShare)) {
      const r = rng.next();
      const k = r < 0.4 ? 1 : r < 0.75 ? 2 : 3;
      while (genres.length < k) {
        const g = genreTable.sample(rng);
        if (!genres.includes(g)) genres.push(g);
      }
      genres.sort((a, b) => a - b);
    }
    const bias = rng.normal(0, MOVIELENS_MODEL.movieBiasSd);
    const popularity = Math.exp(rng.normal(0, 1.2) + (0.7 * bias) / MOVIELENS_MODEL.movieBiasSd);
    movies.push({ id, title: assertCsvSafe(title), genres, bias, popularity });
  }
  return movies;
}

/** Generates movies.csv, ratings.csv and planted.json into `outDir`. */
export async function generateMovieLensSet(options: MovieLensOptions): Promise<WrittenFile[]> {
  const { seed, outDir, movieCount, userCount, ratingCount } = options;
  const m = MOVIELENS_MODEL;
  const movies = generateMovies(seed, movieCount);

  const moviesWriter = new CsvFileWriter(join(outDir, 'movies.csv'), ['movieId', 'title', 'genres']);
  for (const movie of movies) {
    const genres = movie.genres.length > 0 ? movie.genres.map((g) => MOVIELENS_GENRES[g]).join('|') : NO_GENRES;
    moviesWriter.addLine(`${movie.id},${movie.title},${genres}`);
  }
  const moviesFile = await moviesWriter.close();

  const perUser = allocateCounts(SeededRandom.forLabel(seed, 'movielens/activity'), userCount, ratingCount, {
    min: m.minRatingsPerUser,
    max: Math.floor(movieCount / 3),
    sigma: 1.0,
  });
  const rng = SeededRandom.forLabel(seed, 'movielens/ratings');
  const everyMovie = new AliasTable(movies.map((movie) => movie.popularity));
  const moviesOfGenre: number[][] = MOVIELENS_GENRES.map(() => []);
  movies.forEach((movie, i) => movie.genres.forEach((g) => moviesOfGenre[g]?.push(i)));
  const genreTables = moviesOfGenre.map((list) =>
    list.length > 0 ? new AliasTable(list.map((i) => movies[i]?.popularity ?? 0)) : null,
  );
  const genreFrequency = new AliasTable(GENRE_WEIGHTS);
  const ratedBy = new Uint32Array(movies.length);

  const writer = new CsvFileWriter(join(outDir, 'ratings.csv'), ['userId', 'movieId', 'rating', 'timestamp']);
  const histogram = new Map<number, number>();
  const favorites: Record<string, string[]> = {};
  let sumSquaredNoise = 0;
  let sum = 0;
  let sumSquared = 0;
  let rows = 0;
  let halfStarUsers = 0;
  for (let u = 0; u < userCount; u++) {
    const userId = u + 1;
    const userBias = rng.normal(0, m.userBiasSd);
    const taste = MOVIELENS_GENRES.map(() => rng.normal(0, m.genreTasteSd));
    // Favourites follow genre frequency: many Drama fans, few Film-Noir fans.
    const favoriteGenres = [genreFrequency.sample(rng)];
    if (rng.chance(0.5)) {
      const g = genreFrequency.sample(rng);
      if (!favoriteGenres.includes(g)) favoriteGenres.push(g);
    }
    for (const g of favoriteGenres) taste[g] = (taste[g] ?? 0) + m.favoriteGenreBoost;
    favorites[String(userId)] = favoriteGenres.map((g) => MOVIELENS_GENRES[g] ?? '');
    const halfStars = rng.chance(m.halfStarUserShare);
    if (halfStars) halfStarUsers++;
    const windowStart = rng.uniform(FIRST_TIMESTAMP, LAST_WINDOW_START);
    // Many real users rate everything in one sitting; others over months.
    const windowLength = rng.chance(0.4) ? rng.exponential(3 * 3600) : rng.exponential(300 * 86400);
    const windowEnd = Math.min(LAST_TIMESTAMP, windowStart + windowLength);

    const userRows: { movieIndex: number; rating: number; timestamp: number }[] = [];
    const n = perUser[u] ?? 0;
    for (let k = 0; k < n; k++) {
      let i = -1;
      for (let attempt = 0; attempt < 64 && i < 0; attempt++) {
        let candidate: number;
        const favorite = rng.chance(m.favoritePickShare) ? rng.pick(favoriteGenres) : null;
        const favoriteTable = favorite === null ? null : genreTables[favorite];
        if (favorite !== null && favoriteTable) {
          candidate = moviesOfGenre[favorite]?.[favoriteTable.sample(rng)] ?? 0;
        } else {
          candidate = everyMovie.sample(rng);
        }
        if (ratedBy[candidate] !== userId) i = candidate;
      }
      if (i < 0) i = firstUnrated(ratedBy, userId, rng.int(movies.length));
      ratedBy[i] = userId;
      const movie = movies[i] as Movie;
      let genreScore = 0;
      for (const g of movie.genres) genreScore += taste[g] ?? 0;
      if (movie.genres.length > 0) genreScore /= movie.genres.length;
      const score = m.globalMean + userBias + movie.bias + genreScore;
      const noisy = score + rng.normal(0, m.noiseSigma);
      const rating = halfStars ? clamp(Math.round(noisy * 2) / 2, 0.5, 5) : clamp(Math.round(noisy), 1, 5);
      const floor = clamp(score, 0.5, 5) - rating;
      sumSquaredNoise += floor * floor;
      sum += rating;
      sumSquared += rating * rating;
      histogram.set(rating, (histogram.get(rating) ?? 0) + 1);
      userRows.push({ movieIndex: i, rating, timestamp: Math.floor(rng.uniform(windowStart, windowEnd)) });
    }
    // ml-latest-small is sorted by userId, then movieId.
    userRows.sort((a, b) => a.movieIndex - b.movieIndex);
    for (const row of userRows) {
      writer.addLine(`${userId},${movies[row.movieIndex]?.id},${row.rating.toFixed(1)},${row.timestamp}`);
    }
    rows += userRows.length;
    await writer.flushIfFull();
  }
  const ratingsFile = await writer.close();

  const mean = sum / rows;
  const ratingHistogram: Record<string, number> = {};
  for (let r = 0.5; r <= 5; r += 0.5) ratingHistogram[r.toFixed(1)] = histogram.get(r) ?? 0;
  const planted = {
    dataset: 'movielens',
    seed,
    counts: { movies: movieCount, users: userCount, ratings: rows },
    ratingScale: { min: 0.5, max: 5, step: 0.5 },
    noiseSigma: m.noiseSigma,
    noiseRmse: round6(Math.sqrt(sumSquaredNoise / rows)),
    globalMeanBaselineRmse: round6(Math.sqrt(sumSquared / rows - mean * mean)),
    meanRating: round6(mean),
    ratingHistogram,
    halfStarUsers,
    model: {
      formula:
        'score = globalMean + userBias + movieBias + mean(genreTaste[g] for g in movie genres, 0 if none); ' +
        'rating = round(score + N(0, noiseSigma)) to 0.5 steps (half-star users) or whole stars, clipped to the scale',
      ...m,
    },
    notes: [
      'noiseRmse is computed between clip(score, 0.5, 5) and the written rating, so it includes rounding.',
      'ratings.csv is sorted by userId, then movieId, like ml-latest-small; timestamps are not ordered.',
    ],
    userFavoriteGenres: favorites,
  };
  return [moviesFile, ratingsFile, writeJsonFile(join(outDir, 'planted.json'), planted)];
}

function firstUnrated(ratedBy: Uint32Array, stamp: number, start: number): number {
  for (let k = 0; k < ratedBy.length; k++) {
    const i = (start + k) % ratedBy.length;
    if (ratedBy[i] !== stamp) return i;
  }
  throw new Error('user has rated every movie');
}
