/**
 * Command-line options of the sample-data generator, kept apart from main.ts
 * so tests can parse arguments without generating anything.
 */

/** Seed of the committed files. */
export const DEFAULT_SEED = 42;

/** Help text printed by --help. */
export const USAGE = `Usage: npx tsx scripts/gen-data/main.ts [--seed N] [--ratings N] [--out DIR]

Without --ratings, regenerates the committed sample data (byte-identical for the
default seed) into DIR/music, DIR/movielens and DIR/playlists.

Options:
  --seed N      seed for every generator (default ${DEFAULT_SEED})
  --ratings N   write only a larger music set with N ratings, max(2000, N/500)
                tracks and N/100 users, into DIR/generated/music-N/
  --out DIR     output root (default sample-data)
  --help        show this help

Examples:
  npm run gen-data
  npx tsx scripts/gen-data/main.ts --ratings 10000000`;

/** Parsed command line. */
export interface GenDataArgs {
  seed: number;
  ratings: number | null;
  outDir: string;
  help: boolean;
}

function parseInteger(flag: string, text: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new Error(`${flag} needs a whole number, got ${text ?? 'nothing'}`);
  const value = Number(text);
  if (!(value >= min && value <= max)) throw new Error(`${flag} must be between ${min} and ${max}`);
  return value;
}

/** Parses argv (without node and script); throws with a readable message on bad input. */
export function parseGenDataArgs(argv: readonly string[]): GenDataArgs {
  const args: GenDataArgs = { seed: DEFAULT_SEED, ratings: null, outDir: 'sample-data', help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--seed') args.seed = parseInteger(flag, argv[++i], 0, 0xffffffff);
    else if (flag === '--ratings') args.ratings = parseInteger(flag, argv[++i], 1000);
    else if (flag === '--out') {
      const dir = argv[++i];
      if (!dir) throw new Error('--out needs a directory');
      args.outDir = dir;
    } else throw new Error(`unknown option ${flag}`);
  }
  return args;
}
