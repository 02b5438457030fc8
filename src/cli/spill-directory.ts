import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage-error';

/** The longest path the kernel resolves (`PATH_MAX`, counting the closing NUL); a longer one fails ENAMETOOLONG. */
const PATH_MAX = process.platform === 'darwin' ? 1024 : 4096;
/** Room left below PATH_MAX for the names DuckDB gives its spill files (`duckdb_temp_block-<id>.block`). */
const SPILL_NAME_ROOM = 80;
/** The shortest text that climbs one level in DuckDB 1.4.3's allowed_directories check: `/./..`. */
const CLIMB = '/./..'.length;

/**
 * A run's private spill directory. DuckDB 1.4.3 adds its `temp_directory` to `allowed_directories` when external
 * access goes off (no setting avoids it), and that check reads paths as text: `<dir>/./../` passes it and climbs
 * out. So the directory DuckDB spills into is `<parent>/wrangle-spill-XXXXXX/<128 random bits>/d/d/…/d`:
 * - the root is created mode 0700 and removed after the run (also on failure, Ctrl-C and SIGTERM);
 * - its name holds 128 random bits, and nothing a flow may call reads it back (the user-SQL guard refuses
 *   `current_setting`, `duckdb_*()`, `pg_settings` and every file function: src/engine/sql/sql-policy.ts);
 * - it lies so deep in the root that a path climbing out of the root with `./..` is longer than PATH_MAX, so
 *   the kernel refuses it even for a statement that knows the name (src/cli/native-sandbox.test.ts probes it).
 */
export class SpillDirectory {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    /** What is removed after the run. */
    readonly root: string,
    /** Where DuckDB spills. */
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
    // The depth that makes every way out longer than PATH_MAX: the spill path plus one climb per level below the root.
    const root = realpathSync(mkdtempSync(join(realParent, 'wrangle-spill-')));
    const secret = randomBytes(16).toString('hex');
    const fixed = root.length + 1 + secret.length;
    const levels = Math.max(0, Math.ceil((PATH_MAX - fixed - CLIMB * 2 - 2) / (2 + CLIMB)));
    const path = join(root, secret, ...Array<string>(levels).fill('d'));
    if (path.length + SPILL_NAME_ROOM >= PATH_MAX) {
      rmSync(root, { recursive: true, force: true });
      throw new UsageError(`--temp-dir "${parent}" is too long a path to spill under; choose a shorter one`, 'run');
    }
    mkdirSync(path, { recursive: true, mode: 0o700 });
    return new SpillDirectory(root, path);
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
