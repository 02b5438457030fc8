/**
 * Turning dropped or picked data files into import blocks: a logical input name from the file name, the format from
 * the extension, and the CSV delimiter sniffed from the first bytes.
 */
import type { ImportParams } from '../../../engine/blocks/import/definition';

export type DataFormat = ImportParams['format'];

const FORMAT_BY_EXTENSION: Record<string, DataFormat> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  parquet: 'parquet',
  pq: 'parquet',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/** Extensions the file picker offers. */
export const DATA_FILE_ACCEPT = Object.keys(FORMAT_BY_EXTENSION).map((e) => `.${e}`).join(',');

export function formatOfFileName(name: string): DataFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : FORMAT_BY_EXTENSION[ext];
}

/**
 * A logical input name (letters, digits, _ and -, starting with a letter or _, at most 64) from a file name, made
 * unique against `taken`: `2024 sales.csv` → `_2024_sales`, then `_2024_sales_2`.
 */
export function inputNameFor(fileName: string, taken: ReadonlySet<string>): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  let base = stem.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'data';
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  base = base.slice(0, 56);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base}_${n}`;
    if (!taken.has(name)) return name;
  }
}

/** A bare file name the flow schema accepts (no directory, at most 255 characters). */
export function bareFileName(name: string): string {
  const bare = name.replace(/^.*[\\/]/, '').slice(-255);
  return bare === '' || bare === '.' || bare === '..' ? 'data.csv' : bare;
}

const CANDIDATES = [',', ';', '|', '\t'] as const;

/** Counts a delimiter on one line, outside double quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) n++;
  }
  return n;
}

/**
 * The delimiter of CSV text: among `, ; | tab`, one found the same number of times on (nearly) every line,
 * preferring the most consistent, then the most columns. The last line is ignored: the sample may cut it short.
 * Falls back to a comma.
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1) lines.pop();
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 50);
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = sample.map((l) => countOutsideQuotes(l, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 1000 + first;
    if (consistent >= 0.8 && score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Bytes read to sniff a delimiter. */
export const SNIFF_BYTES = 64 * 1024;

/** Import params for a data file, or undefined if its extension is not a format the engine reads. */
export async function importParamsFor(file: File, taken: ReadonlySet<string>): Promise<ImportParams | undefined> {
  const format = formatOfFileName(file.name);
  if (format === undefined) return undefined;
  const params: ImportParams = {
    input: inputNameFor(file.name, taken),
    file: bareFileName(file.name),
    format,
    csv: {},
    sampling: { mode: 'none' },
  };
  if (format === 'csv') {
    const delimiter = sniffDelimiter(await file.slice(0, SNIFF_BYTES).text());
    if (delimiter !== ',') params.csv = { delimiter };
  }
  return params;
}
