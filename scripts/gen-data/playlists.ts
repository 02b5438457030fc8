/**
 * Implicit-feedback playlists (playlists.csv, planted.json), shaped like the
 * public "Spotify playlists" dump: user_id,artistname,trackname,playlistname.
 *
 * Planted structure: every artist plays one latent style; every playlist has a
 * theme style; most tracks added to a playlist come from its theme, some from
 * the previous track's artist, the rest from the global popularity curve.
 * Rows of a playlist are in the order the tracks were added.
 */
import { join } from 'node:path';
import { CsvFileWriter, assertCsvSafe, round6, writeJsonFile, type WrittenFile } from './csv-writer';
import { AliasTable, SeededRandom, allocateCounts } from './random';
import { ADJECTIVES, FIRST_NAMES, LAST_NAMES, NOUNS, PLURAL_NOUNS, SONG_OPENERS } from './words';

interface Style {
  name: string;
  weight: number;
  playlistNames: readonly string[];
}

/** Latent playlist styles, with the names people give such playlists. */
export const PLAYLIST_STYLES: readonly Style[] = [
  { name: 'chill', weight: 10, playlistNames: ['Chill', 'Chill Vibes', 'Lazy Sunday', 'Coffee Shop', 'Mellow'] },
  { name: 'workout', weight: 8, playlistNames: ['Gym', 'Workout', 'Running', 'Beast Mode', 'Cardio'] },
  { name: 'party', weight: 8, playlistNames: ['Party', 'Friday Night', 'Pregame', 'Dance', 'Club Bangers'] },
  { name: 'indie', weight: 7, playlistNames: ['Indie', 'Indie Mix', 'Alternative', 'Discover', 'New Finds'] },
  { name: 'throwback', weight: 6, playlistNames: ['Throwbacks', 'Oldies', '80s', '90s', 'Classics'] },
  { name: 'focus', weight: 5, playlistNames: ['Focus', 'Study', 'Deep Work', 'Coding', 'Reading'] },
  { name: 'sad', weight: 5, playlistNames: ['Sad Songs', 'Rainy Day', 'Heartbreak', 'Feels'] },
  { name: 'roadtrip', weight: 4, playlistNames: ['Road Trip', 'Summer Drive', 'Highway', 'Summer'] },
  { name: 'hiphop', weight: 6, playlistNames: ['Hip Hop', 'Rap', 'Bars', 'Hip Hop Mix'] },
  { name: 'country', weight: 3, playlistNames: ['Country', 'Honky Tonk', 'Back Roads', 'Country Mix'] },
  { name: 'jazz', weight: 2, playlistNames: ['Jazz', 'Late Night Jazz', 'Smooth Jazz', 'Blue Note'] },
  { name: 'metal', weight: 2, playlistNames: ['Metal', 'Heavy', 'Headbang', 'Rock Hard'] },
];

/** Names that say nothing about the theme, so a model cannot just read the name. */
const GENERIC_PLAYLIST_NAMES = ['Favorites', 'My Playlist', 'Starred', 'Liked from Radio', 'Mix', 'Songs'] as const;

/** Size of the committed playlists set. */
export const COMMITTED_PLAYLISTS_SIZE = { userCount: 1000, artistCount: 1200, rowCount: 50_000 } as const;

/** Planted parameters; written verbatim to planted.json. */
export const PLAYLIST_MODEL = {
  /** Chance that the next track is by the previous track's artist. */
  sameArtistShare: 0.1,
  /** Chance (otherwise) that it comes from the playlist's theme style. */
  themeShare: 0.78,
  /** Chance that a playlist's theme is one of the user's preferred styles. */
  preferredThemeShare: 0.85,
  genericNameShare: 0.12,
  /** Artist popularity ∝ 1 / (rank + 10)^artistZipfExponent. */
  artistZipfExponent: 1.0,
  minPlaylistLength: 5,
  maxPlaylistLength: 200,
} as const;

export interface PlaylistsOptions {
  seed: number;
  outDir: string;
  userCount: number;
  artistCount: number;
  rowCount: number;
}

interface Catalog {
  artistNames: string[];
  artistStyle: Uint8Array;
  tracksOfArtist: number[][];
  trackArtist: Int32Array;
  trackName: string[];
  popularity: Float64Array;
}

function artistName(rng: SeededRandom): string {
  const pattern = rng.int(4);
  if (pattern === 0) return `The ${rng.pick(ADJECTIVES)} ${rng.pick(PLURAL_NOUNS)}`;
  if (pattern === 1) return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  if (pattern === 2) return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)} and the ${rng.pick(PLURAL_NOUNS)}`;
  return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
}

function trackName(rng: SeededRandom): string {
  const pattern = rng.int(3);
  if (pattern === 0) return `${rng.pick(SONG_OPENERS)} ${rng.pick(NOUNS)}`;
  if (pattern === 1) return `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`;
  return rng.pick(NOUNS);
}

/** Artists with one style each and a Zipf-like popularity; tracks inherit both. */
function generateCatalog(rng: SeededRandom, artistCount: number): Catalog {
  const styleTable = new AliasTable(PLAYLIST_STYLES.map((s) => s.weight));
  const seenArtists = new Set<string>();
  const catalog: Catalog = {
    artistNames: [],
    artistStyle: new Uint8Array(artistCount),
    tracksOfArtist: [],
    trackArtist: new Int32Array(0),
    trackName: [],
    popularity: new Float64Array(0),
  };
  const trackArtist: number[] = [];
  const popularity: number[] = [];
  for (let a = 0; a < artistCount; a++) {
    let name = artistName(rng);
    while (seenArtists.has(name)) name = artistName(rng);
    seenArtists.add(name);
    catalog.artistNames.push(assertCsvSafe(name));
    catalog.artistStyle[a] = styleTable.sample(rng);
    // Artists are created in random order, so rank a is a random artist's popularity rank.
    const artistWeight = 1 / Math.pow(a + 10, PLAYLIST_MODEL.artistZipfExponent);
    const trackCount = Math.min(40, 1 + rng.geometric(1 / 8));
    const seenTracks = new Set<string>();
    const tracks: number[] = [];
    for (let j = 0; j < trackCount; j++) {
      let title = trackName(rng);
      for (let attempt = 0; seenTracks.has(title); attempt++) title = attempt < 20 ? trackName(rng) : `${title} II`;
      seenTracks.add(title);
      tracks.push(trackArtist.length);
      trackArtist.push(a);
      catalog.trackName.push(assertCsvSafe(title));
      // An artist's first tracks are its hits.
      popularity.push(artistWeight * Math.pow(j + 1, -0.8) * Math.exp(rng.normal(0, 0.5)));
    }
    catalog.tracksOfArtist.push(tracks);
  }
  catalog.trackArtist = Int32Array.from(trackArtist);
  catalog.popularity = Float64Array.from(popularity);
  return catalog;
}

/** Generates playlists.csv and planted.json into `outDir`. */
export async function generatePlaylistsSet(options: PlaylistsOptions): Promise<WrittenFile[]> {
  const { seed, outDir, userCount, artistCount, rowCount } = options;
  const m = PLAYLIST_MODEL;
  const catalog = generateCatalog(SeededRandom.forLabel(seed, 'playlists/catalog'), artistCount);
  const trackCount = catalog.trackName.length;
  const styleOfTrack = (t: number): number => catalog.artistStyle[catalog.trackArtist[t] ?? 0] ?? 0;
  const tracksOfStyle: number[][] = PLAYLIST_STYLES.map(() => []);
  for (let t = 0; t < trackCount; t++) tracksOfStyle[styleOfTrack(t)]?.push(t);
  const styleTables = tracksOfStyle.map((list) =>
    list.length > 0 ? new AliasTable(list.map((t) => catalog.popularity[t] ?? 0)) : null,
  );
  const everyTrack = new AliasTable(catalog.popularity);
  const styleFrequency = new AliasTable(PLAYLIST_STYLES.map((s) => s.weight));

  const rng = SeededRandom.forLabel(seed, 'playlists/users');
  const playlistsPerUser = Array.from({ length: userCount }, () => Math.min(12, 1 + rng.geometric(0.35)));
  const playlistCount = playlistsPerUser.reduce((a, b) => a + b, 0);
  const lengths = allocateCounts(SeededRandom.forLabel(seed, 'playlists/lengths'), playlistCount, rowCount, {
    min: m.minPlaylistLength,
    max: m.maxPlaylistLength,
    sigma: 0.9,
  });

  const writer = new CsvFileWriter(join(outDir, 'playlists.csv'), ['user_id', 'artistname', 'trackname', 'playlistname']);
  const themes: Record<string, Record<string, string>> = {};
  const seenUsers = new Set<string>();
  let playlistIndex = 0;
  let rows = 0;
  let rowsFromTheme = 0;
  for (let u = 0; u < userCount; u++) {
    let userId = rng.hex(32);
    while (seenUsers.has(userId)) userId = rng.hex(32);
    seenUsers.add(userId);
    const preferred = [styleFrequency.sample(rng)];
    for (let extra = rng.int(3); extra > 0; extra--) preferred.push(styleFrequency.sample(rng));
    const usedNames = new Set<string>();
    const userThemes: Record<string, string> = {};
    themes[userId] = userThemes;
    for (let p = 0; p < (playlistsPerUser[u] ?? 1); p++) {
      const theme = rng.chance(m.preferredThemeShare) ? rng.pick(preferred) : styleFrequency.sample(rng);
      const style = PLAYLIST_STYLES[theme] as Style;
      const baseName = rng.chance(m.genericNameShare) ? rng.pick(GENERIC_PLAYLIST_NAMES) : rng.pick(style.playlistNames);
      let name = baseName;
      for (let k = 2; usedNames.has(name); k++) name = `${baseName} ${k}`;
      usedNames.add(name);
      userThemes[name] = style.name;

      const length = lengths[playlistIndex++] ?? m.minPlaylistLength;
      const inPlaylist = new Set<number>();
      let previous = -1;
      for (let i = 0; i < length; i++) {
        let t = -1;
        for (let attempt = 0; attempt < 64 && t < 0; attempt++) {
          const r = rng.next();
          let candidate: number;
          if (previous >= 0 && r < m.sameArtistShare) {
            candidate = rng.pick(catalog.tracksOfArtist[catalog.trackArtist[previous] ?? 0] ?? [previous]);
          } else if (r < m.sameArtistShare + (1 - m.sameArtistShare) * m.themeShare) {
            const table = styleTables[theme];
            candidate = table ? (tracksOfStyle[theme]?.[table.sample(rng)] ?? 0) : everyTrack.sample(rng);
          } else {
            candidate = everyTrack.sample(rng);
          }
          if (!inPlaylist.has(candidate)) t = candidate;
        }
        if (t < 0) t = firstNotIn(inPlaylist, trackCount, rng.int(trackCount));
        inPlaylist.add(t);
        previous = t;
        if (styleOfTrack(t) === theme) rowsFromTheme++;
        const artist = catalog.artistNames[catalog.trackArtist[t] ?? 0];
        writer.addLine(`${userId},${artist},${catalog.trackName[t]},${name}`);
        rows++;
      }
    }
    await writer.flushIfFull();
  }
  const playlistsFile = await writer.close();

  const artistStyles: Record<string, string> = {};
  catalog.artistNames.forEach((artist, a) => {
    artistStyles[artist] = PLAYLIST_STYLES[catalog.artistStyle[a] ?? 0]?.name ?? '';
  });
  const planted = {
    dataset: 'playlists',
    seed,
    counts: { users: userCount, playlists: playlistCount, rows, artists: artistCount, tracks: trackCount },
    styles: PLAYLIST_STYLES.map((s) => s.name),
    model: { ...m, genericPlaylistNames: GENERIC_PLAYLIST_NAMES },
    /** Share of rows whose track's style equals the playlist's theme (theme picks plus lucky others). */
    themeRowShare: round6(rowsFromTheme / rows),
    notes: [
      'Rows of one playlist are in the order the tracks were added; the last row is the most recent addition.',
      'A track is identified by (artistname, trackname); track names repeat across artists.',
      '(user_id, playlistname) identifies a playlist; names are unique per user.',
    ],
    artistStyles,
    /** user_id → playlistname → theme style. */
    playlistThemes: themes,
  };
  return [playlistsFile, writeJsonFile(join(outDir, 'planted.json'), planted)];
}

function firstNotIn(taken: Set<number>, count: number, start: number): number {
  for (let k = 0; k < count; k++) {
    const t = (start + k) % count;
    if (!taken.has(t)) return t;
  }
  throw new Error('playlist already holds every track');
}
