/**
 * `npm run gen-data` — regenerates the committed sample data, or writes a
 * larger music set for benchmarks. See sample-data/README.md.
 */
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WrittenFile } from './csv-writer';
import { COMMITTED_MOVIELENS_SIZE, generateMovieLensSet } from './movielens';
import { COMMITTED_MUSIC_SIZE, generateMusicSet, scaledMusicSize, validateMusicSize } from './music';
import { USAGE, parseGenDataArgs } from './cli-args';
import { COMMITTED_PLAYLISTS_SIZE, generatePlaylistsSet } from './playlists';

function describe(file: WrittenFile): string {
  const size = file.bytes >= 1 << 20 ? `${(file.bytes / (1 << 20)).toFixed(1)} MB` : `${(file.bytes / 1024).toFixed(1)} KB`;
  const rows = file.rows > 0 ? `${file.rows.toLocaleString('en-US')} rows, ` : '';
  return `  ${relative(process.cwd(), file.path) || file.path}  (${rows}${size})`;
}

async function main(): Promise<void> {
  const args = parseGenDataArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  const written: WrittenFile[] = [];

  if (args.ratings !== null) {
    const size = scaledMusicSize(args.ratings);
    validateMusicSize(size);
    const outDir = join(args.outDir, 'generated', `music-${args.ratings}`);
    console.log(
      `music: ${size.ratingCount.toLocaleString('en-US')} ratings, ${size.trackCount} tracks, ` +
        `${size.userCount} users, seed ${args.seed} -> ${outDir}`,
    );
    const total = size.ratingCount;
    written.push(
      ...(await generateMusicSet({
        seed: args.seed,
        ...size,
        outDir,
        onProgress: (rows) =>
          console.log(`  ${rows.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} ratings (${elapsed()})`),
      })),
    );
  } else {
    console.log(`music (seed ${args.seed})`);
    written.push(
      ...(await generateMusicSet({ seed: args.seed, ...COMMITTED_MUSIC_SIZE, outDir: join(args.outDir, 'music') })),
    );
    console.log(`movielens (${elapsed()})`);
    written.push(
      ...(await generateMovieLensSet({
        seed: args.seed,
        ...COMMITTED_MOVIELENS_SIZE,
        outDir: join(args.outDir, 'movielens'),
      })),
    );
    console.log(`playlists (${elapsed()})`);
    written.push(
      ...(await generatePlaylistsSet({
        seed: args.seed,
        ...COMMITTED_PLAYLISTS_SIZE,
        outDir: join(args.outDir, 'playlists'),
      })),
    );
  }
  console.log(`wrote ${written.length} files in ${elapsed()}:`);
  for (const file of written) console.log(describe(file));
}

main().catch((error: unknown) => {
  console.error(`gen-data: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Run with --help for usage.');
  process.exitCode = 1;
});
