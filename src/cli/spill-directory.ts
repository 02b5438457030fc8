import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage-error';

/** The longest path the kernel resolves (`PATH_MAX`, counting the closing NUL); a longer one fails ENAMETOOLONG. */
const PATH_MAX = process.platform === 'darwin' ? 1024 : 4096;
/** Room left below PATH_MAX for the names DuckDB gives its spill files (`duckdb_temp_block-<id>.block`). */
const SPILL_NAME_ROOM = 80;
/**
 * Levels between the root and the spill directory: climbing out of the root takes DEPTH + 2 steps of `/./..` (the
 * shortest text that climbs a level past DuckDB 1.4.3's check), more than SPILL_NAME_ROOM characters.
 */
const DEPTH = Math.ceil(SPILL_NAME_ROOM / '/./..'.length);

/**
 * A run's private spill directory. DuckDB 1.4.3 adds its `temp_directory` to `allowed_directories` when external
 * access goes off (no setting avoids it), and that check reads paths as text: `<dir>/./../` passes it and climbs
 * out. So DuckDB spills into `<parent>/wrangle-spill-<mkdtemp's six random characters>/<128 random bits>/d/…/d/././…/.`:
 * - the root is created mode 0700 and removed after the run (also on failure, Ctrl-C and SIGTERM);
 * - its name holds 128 random bits, and nothing a flow may call reads it back (the user-SQL guard refuses
 *   `current_setting`, `duckdb_*()`, `pg_settings` and every file function: src/engine/sql/sql-policy.ts);
 * - its name is padded with `/.` to PATH_MAX less room for DuckDB's file names, and lies DEPTH directories below
 *   the root: a path must start with the whole name to pass DuckDB's check, and climbing out of the root costs
 *   5 characters a level, so every way out is longer than PATH_MAX and the kernel refuses it, even for a
 *   statement that knows the name (src/cli/native-sandbox.test.ts probes it).
 */
export class SpillDirectory {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    /** What is removed after the run. */
    readonly root: string,
    /** Where DuckDB spills, as DuckDB is given it (padded). */
    readonly path: string,
  ) {}

  /** Creates the private directory under `parent` (an existing directory). */
  static create(parent: string): SpillDirectory {
    let realParent: string;
    try {
      realParent = realpathSync(parent);
      if (!statSync(realParent).isDirectory()) throw new Error('not a directory');
    } catch {
      throw new UsageError(`--temp-dir must be an existing directory, got "${parent}"`, 'run');
    }
    const root = realpathSync(mkdtempSync(join(realParent, 'wrangle-spill-')));
    const real = join(root, randomBytes(16).toString('hex'), ...Array<string>(DEPTH).fill('d'));
    const padding = PATH_MAX - SPILL_NAME_ROOM - real.length;
    if (padding < 0) {
      rmSync(root, { recursive: true, force: true });
      throw new UsageError(`--temp-dir "${parent}" is too long a path to spill under; choose a shorter one`, 'run');
    }
    mkdirSync(real, { recursive: true, mode: 0o700 });
    return new SpillDirectory(root, real + '/.'.repeat(Math.floor(padding / 2)));
  }

  /** Bytes in the spill directory now: DuckDB's files, which it writes flat into it. */
  bytesNow(): number {
    let bytes = 0;
    try {
      for (const name of readdirSync(this.path)) bytes += statSync(join(this.path, name), { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      // Removed under us: nothing is spilled.
    }
    return bytes;
  }

  /** Samples the directory's size every `everyMs` until `remove`, for `peakBytes`. */
  watch(everyMs = 250): void {
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, this.bytesNow());
    }, everyMs);
    this.timer.unref();
  }

  /** The largest size sampled: how much the run spilled at most at once. */
  peakBytes(): number {
    return Math.max(this.peak, this.bytesNow());
  }

  /** Removes the directory and whatever DuckDB left in it; safe to call twice. */
  remove(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    rmSync(this.root, { recursive: true, force: true });
  }
}
