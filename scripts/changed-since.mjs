// The freshness check that the build outputs share (als.wasm, the CLI bundle): a handful of stat calls, cheap
// enough to run at every `wrangle` start.
import { statSync } from 'node:fs';

/** Whether any of `files` is missing (deleted, renamed) or was modified after `timeMs`. */
export function changedSince(timeMs, files) {
  return files.some((file) => {
    try {
      return statSync(file).mtimeMs > timeMs;
    } catch {
      return true;
    }
  });
}
