/**
 * The music workshop's track catalogue: genres with a strict frequency order
 * and audio features whose distribution depends on the genre.
 */
import { CsvFileWriter, fixed, roundTo, type WrittenFile } from './csv-writer';
import { SeededRandom } from './random';

/** Genre labels, most frequent first; the workshop sorts by frequency and expects this order. */
export const MUSIC_GENRES = [
  'Pop_Rock',
  'Reggae',
  'Folk',
  'Latin',
  'Rap',
  'Country',
  'RnB',
  'Blues',
  'Jazz',
  'Electronic',
] as const;
export type MusicGenre = (typeof MUSIC_GENRES)[number];

/** Audio features in [0, 1] that the planted tastes act on, in tracks.csv column order. */
export const AUDIO_FEATURES = [
  'energy',
  'acousticness',
  'valence',
  'speechiness',
  'instrumentalness',
  'liveness',
] as const;

/** tracks.csv header, exactly as the workshop expects it. */
export const TRACK_COLUMNS = ['trackId', 'length', ...AUDIO_FEATURES, 'tempo', 'genre'] as const;

/** Genre counts for the 2,000-track catalogue; neighbours differ by at least 10. */
const BASE_GENRE_COUNTS = [420, 300, 250, 210, 180, 160, 140, 125, 115, 100] as const;
const BASE_TRACK_COUNT = 2000;

interface GenreProfile {
  /** Means of the AUDIO_FEATURES, same order. */
  features: readonly [number, number, number, number, number, number];
  tempo: number;
  lengthSeconds: number;
}

// Loosely modelled on Spotify audio-feature averages per genre, exaggerated a
// little so that a genre classifier on these columns has something to learn.
const GENRE_PROFILES: Record<MusicGenre, GenreProfile> = {
  Pop_Rock: { features: [0.7, 0.2, 0.55, 0.05, 0.08, 0.2], tempo: 122, lengthSeconds: 235 },
  Reggae: { features: [0.6, 0.25, 0.78, 0.12, 0.1, 0.18], tempo: 88, lengthSeconds: 240 },
  Folk: { features: [0.3, 0.85, 0.45, 0.04, 0.15, 0.15], tempo: 105, lengthSeconds: 220 },
  Latin: { features: [0.75, 0.25, 0.8, 0.08, 0.05, 0.2], tempo: 110, lengthSeconds: 215 },
  Rap: { features: [0.68, 0.12, 0.5, 0.35, 0.02, 0.18], tempo: 95, lengthSeconds: 210 },
  Country: { features: [0.58, 0.4, 0.6, 0.04, 0.03, 0.17], tempo: 118, lengthSeconds: 205 },
  RnB: { features: [0.55, 0.25, 0.5, 0.1, 0.04, 0.14], tempo: 100, lengthSeconds: 230 },
  Blues: { features: [0.45, 0.55, 0.45, 0.05, 0.25, 0.35], tempo: 100, lengthSeconds: 260 },
  Jazz: { features: [0.35, 0.7, 0.45, 0.05, 0.6, 0.25], tempo: 115, lengthSeconds: 320 },
  Electronic: { features: [0.85, 0.05, 0.4, 0.06, 0.75, 0.12], tempo: 128, lengthSeconds: 300 },
};

/** Spread of each audio feature around its genre mean. */
const FEATURE_SD = [0.12, 0.12, 0.15, 0.05, 0.12, 0.1] as const;

/** Spread of the planted per-track rating bias. */
export const TRACK_BIAS_SD = 0.3;

/** The catalogue as columns (typed arrays keep 200k-track catalogues cheap). */
export interface MusicCatalog {
  ids: string[];
  genreIndex: Uint8Array;
  /** Row-major, AUDIO_FEATURES.length values per track, already rounded as written. */
  features: Float64Array;
  lengthSeconds: Float64Array;
  tempo: Float64Array;
  /** Planted rating bias of each track. */
  bias: Float64Array;
  /** Relative chance of being rated; long-tailed and higher for better tracks. */
  popularity: Float64Array;
  genreCounts: number[];
}

/** Genre counts for a catalogue of `trackCount` tracks, strictly decreasing in MUSIC_GENRES order. */
export function musicGenreCounts(trackCount: number): number[] {
  const counts = BASE_GENRE_COUNTS.map((c) => Math.floor((c * trackCount) / BASE_TRACK_COUNT));
  const assigned = counts.reduce((a, b) => a + b, 0);
  counts[0] = (counts[0] ?? 0) + trackCount - assigned;
  for (let g = 1; g < counts.length; g++) {
    if ((counts[g] ?? 0) >= (counts[g - 1] ?? 0)) {
      throw new Error(`${trackCount} tracks is too few for a strict genre frequency order`);
    }
  }
  return counts;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/** Builds a deterministic catalogue of `trackCount` tracks. */
export function generateMusicCatalog(seed: number, trackCount: number): MusicCatalog {
  const rng = SeededRandom.forLabel(seed, 'music/tracks');
  const genreCounts = musicGenreCounts(trackCount);
  const genreOfTrack: number[] = [];
  genreCounts.forEach((count, g) => {
    for (let i = 0; i < count; i++) genreOfTrack.push(g);
  });
  rng.shuffle(genreOfTrack);

  const width = Math.max(5, String(trackCount).length);
  const featureCount = AUDIO_FEATURES.length;
  const catalog: MusicCatalog = {
    ids: new Array<string>(trackCount),
    genreIndex: new Uint8Array(trackCount),
    features: new Float64Array(trackCount * featureCount),
    lengthSeconds: new Float64Array(trackCount),
    tempo: new Float64Array(trackCount),
    bias: new Float64Array(trackCount),
    popularity: new Float64Array(trackCount),
    genreCounts,
  };
  for (let t = 0; t < trackCount; t++) {
    const g = genreOfTrack[t] ?? 0;
    const profile = GENRE_PROFILES[MUSIC_GENRES[g] ?? 'Pop_Rock'];
    catalog.ids[t] = 'T' + String(t + 1).padStart(width, '0');
    catalog.genreIndex[t] = g;
    for (let k = 0; k < featureCount; k++) {
      const value = rng.normal(profile.features[k] ?? 0.5, FEATURE_SD[k] ?? 0.1);
      catalog.features[t * featureCount + k] = roundTo(clamp(value, 0, 1), 4);
    }
    catalog.tempo[t] = roundTo(clamp(rng.normal(profile.tempo, 14), 60, 200), 3);
    // Log-normal lengths: a long right tail, never shorter than a minute.
    catalog.lengthSeconds[t] = roundTo(Math.max(60, profile.lengthSeconds * Math.exp(rng.normal(0, 0.25))), 3);
    const bias = rng.normal(0, TRACK_BIAS_SD);
    catalog.bias[t] = bias;
    // Popular tracks tend to be the better-rated ones, as in real listening logs.
    catalog.popularity[t] = Math.exp(rng.normal(0, 1) + (0.75 * bias) / TRACK_BIAS_SD);
  }
  return catalog;
}

/** Streams tracks.csv. */
export async function writeMusicTracks(catalog: MusicCatalog, path: string): Promise<WrittenFile> {
  const writer = new CsvFileWriter(path, TRACK_COLUMNS);
  const featureCount = AUDIO_FEATURES.length;
  for (let t = 0; t < catalog.ids.length; t++) {
    let line = `${catalog.ids[t]},${fixed(catalog.lengthSeconds[t] ?? 0, 3)}`;
    for (let k = 0; k < featureCount; k++) line += ',' + fixed(catalog.features[t * featureCount + k] ?? 0, 4);
    line += `,${fixed(catalog.tempo[t] ?? 0, 3)},${MUSIC_GENRES[catalog.genreIndex[t] ?? 0]}`;
    writer.addLine(line);
    await writer.flushIfFull();
  }
  return writer.close();
}
