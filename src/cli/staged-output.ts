import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fail } from '../engine/errors/catalog';

/**
 * Exports are written into a private staging directory and moved into the output directory only after the whole
 * flow has succeeded, so a failed run leaves nothing partial behind and an earlier output stays intact.
 */
export class StagedOutput {
  readonly dir: string;

  constructor() {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), 'wrangle-out-')));
  }

  path(fileName: string): string {
    return join(this.dir, fileName);
  }

  /** Moves the staged files into `outDir`. Refuses to replace existing files unless `force`. */
  publish(outDir: string, fileNames: readonly string[], force: boolean): string[] {
    const targets = fileNames.map((f) => join(outDir, f));
    if (!force) {
      const taken = targets.find((t) => existsSync(t));
      if (taken) fail('E_OUTPUT_EXISTS', { file: taken });
    }
    mkdirSync(outDir, { recursive: true });
    fileNames.forEach((f, i) => moveInto(this.path(f), targets[i]!));
    return targets;
  }

  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** rename(2) is atomic; across file systems, copy beside the target first and rename that. */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') fail('E_OUTPUT_WRITE', { file: to, detail: String(e) });
    const partial = `${to}.partial-${process.pid}`;
    copyFileSync(from, partial);
    renameSync(partial, to);
  }
}
