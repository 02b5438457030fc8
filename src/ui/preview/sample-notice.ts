/** What the preview says about a sample, and the `wrangle run` command that computes the whole flow instead. */
import type { FlowDocument } from '../../engine/flow/schema';
import type { SampleInfo } from '../../worker/engine-api';
import { flowFileName } from '../shell/download';
import { expectedInputs } from '../state/missing-inputs';

const count = (n: number): string => n.toLocaleString('en-US');

/** An estimate to two significant digits: its last digits would claim a precision it does not have. */
function roughly(n: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, n))) - 1);
  return Math.round(n / step) * step;
}

/**
 * The preview header's words: "Preview of a 1,000,000-row sample of 10,000,000" for the block that reads the sampled
 * file, "Computed on a 1,000,000-row sample of ratings (about 10,000,000 rows)" for the blocks below it. A total
 * estimated from the file's size says "about".
 */
export function sampleNotice(sample: SampleInfo, readsSampledFile: boolean): string {
  const of = sample.exact ? count(sample.of) : `about ${count(roughly(sample.of))}`;
  if (readsSampledFile) return `Preview of a ${count(sample.rows)}-row sample of ${of} rows`;
  return `Computed on a ${count(sample.rows)}-row sample of ${sample.inputs.join(' and ')} (${of} rows)`;
}

/** A word for a POSIX shell: as is when it is plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command that runs the whole flow, as saved by Save, on every row: one `--input name=file` per input the flow
 * reads (the file the user chose for it, else the name the flow expects), and `--out`.
 */
export function wrangleRunCommand(doc: FlowDocument, sources: Readonly<Record<string, string>> = {}, outDir = 'out/'): string {
  const inputs = expectedInputs(doc).map((input) => `--input ${shellWord(`${input.name}=${sources[input.name] ?? input.file}`)}`);
  return ['npx wrangle run', shellWord(flowFileName(doc.name)), ...inputs, '--out', shellWord(outDir)].join(' ');
}
