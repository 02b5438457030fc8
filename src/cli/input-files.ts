import { realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail } from '../engine/errors/catalog';
import { declaredInputs } from '../engine/flow/inputs';
import type { FlowDocument } from '../engine/flow/schema';
import type { InputFile } from '../engine/run/executor';
import { UsageError } from './usage-error';

/**
 * Maps each logical input of the flow to a real file: `--input name=path` first, else the declared file name in
 * `--data DIR` (or the fallback directory). Paths are resolved through symlinks, because the sandbox allows exactly
 * these real files and nothing else.
 */
export function resolveInputFiles(
  flow: FlowDocument,
  explicit: ReadonlyMap<string, string>,
  dataDir: string | undefined,
  command: string,
  fallbackDir?: string,
): Record<string, InputFile> {
  const declared = declaredInputs(flow);
  for (const name of explicit.keys()) {
    if (!declared.some((d) => d.name === name)) {
      const known = declared.map((d) => d.name).join(', ') || '(none)';
      throw new UsageError(`--input ${name}: the flow has no input named "${name}" (its inputs: ${known})`, command);
    }
  }
  const out: Record<string, InputFile> = {};
  for (const d of declared) {
    const dir = dataDir ?? fallbackDir;
    const given = explicit.get(d.name) ?? (dir !== undefined ? join(dir, d.file) : fail('E_INPUT_UNMAPPED', { name: d.name, file: d.file }));
    let path: string;
    try {
      path = realpathSync(resolve(given));
    } catch {
      fail('E_INPUT_NOT_FOUND', { name: d.name, file: given });
    }
    const stat = statSync(path);
    if (!stat.isFile()) fail('E_INPUT_NOT_FOUND', { name: d.name, file: `${given} (not a file)` });
    if (stat.size === 0) fail('E_INPUT_EMPTY', { name: d.name, file: given });
    out[d.name] = { path, fingerprint: `${stat.size}:${stat.mtimeMs}` };
  }
  return out;
}
