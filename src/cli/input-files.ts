import { realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fail } from '../engine/errors/catalog';
import { declaredInputs } from '../engine/inputs/declared-inputs';
import type { FlowDocument } from '../engine/flow/schema';
import type { InputFile } from '../engine/run/executor';
import { textInput } from './text-input';
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
    if (!explicit.has(d.name) && dir !== undefined) requireInside(d.name, given, path, dir);
    const stat = statSync(path);
    if (!stat.isFile()) fail('E_INPUT_NOT_FOUND', { name: d.name, file: `${given} (not a file)` });
    if (stat.size === 0) fail('E_INPUT_EMPTY', { name: d.name, file: given, detail: 'the file is empty' });
    const fingerprint = `${stat.size}:${stat.mtimeMs}`;
    // CSV text in an encoding DuckDB cannot read is converted to UTF-8 first (see text-input.ts).
    out[d.name] = d.format === 'csv' || d.format === 'tsv' ? { ...textInput(d.name, path, d.encoding), fingerprint } : { path, fingerprint };
  }
  return out;
}

/**
 * A file found by name in a data directory must really be there: a link inside the directory that points out of it
 * would let a flow's declared file name reach any file. A file given explicitly with --input is the user's choice.
 */
function requireInside(name: string, given: string, real: string, dir: string): void {
  const root = realpathSync(resolve(dir));
  if (real.startsWith(root.endsWith(sep) ? root : root + sep)) return;
  fail('E_SANDBOX_DENIED', {
    detail: `input "${name}" (${given}) is a link to ${real}, outside ${dir}. Give it with --input ${name}=PATH if that file is meant`,
  });
}
