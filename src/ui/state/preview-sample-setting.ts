/**
 * The preview sample size: inputs with more rows than this preview on a seeded sample of this many rows. A setting of
 * this browser, kept in localStorage, not of the flow: it depends on the machine's memory, and the CLI, which runs
 * every row, never reads it.
 */

/** As Data Wrangler previews on a sample, but larger: a 1M-row flow previews in a tab with room to spare. */
export const DEFAULT_SAMPLE_ROWS = 1_000_000;
/** Below this a preview would say too little about the data. */
export const MIN_SAMPLE_ROWS = 100;

const KEY = 'wrangle.previewSampleRows';

/** The saved sample size, or the default where none is saved (or storage is unavailable). */
export function loadSampleRows(): number {
  try {
    const saved = Number(globalThis.localStorage?.getItem(KEY) ?? Number.NaN);
    return Number.isSafeInteger(saved) && saved >= MIN_SAMPLE_ROWS ? saved : DEFAULT_SAMPLE_ROWS;
  } catch {
    return DEFAULT_SAMPLE_ROWS;
  }
}

export function saveSampleRows(rows: number): void {
  try {
    globalThis.localStorage?.setItem(KEY, String(rows));
  } catch {
    // Private browsing or a full quota: the setting holds for this session only.
  }
}

/** A typed value as a sample size: a whole number, at least MIN_SAMPLE_ROWS; undefined when it is not one. */
export function parseSampleRows(text: string): number | undefined {
  const n = Number(text.replace(/[\s,_]/g, ''));
  return Number.isSafeInteger(n) && n >= MIN_SAMPLE_ROWS ? n : undefined;
}
