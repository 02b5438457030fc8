/** Summaries and the printed table of the browser bench. */
import type { SampleInfo } from '../src/worker/engine-api';
import type { MemoryPeaks } from './studio-memory';
import type { EditSample } from './studio-steps';

export interface Spread {
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentiles: with 15 samples p95 is the slowest one, so it hides nothing. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50: rank(50), p95: rank(95), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

export interface StudioFigure {
  ratings: number;
  /** Navigation start until all blocks are fresh on the bundled 100k sample (fresh profile, no autosave). */
  loadSampleMs: number;
  /** Above 100k: the bigger ratings file chosen until all blocks are fresh again. */
  chooseFileMs?: number;
  /** The time to interactive at this size: loadSampleMs, plus chooseFileMs above 100k. */
  timeToInteractiveMs: number;
  edits: {
    measured: number;
    warmUp: number;
    /** The edit (1-based, warm-up included) that failed, and why; the edits after it were not made. */
    failure?: { edit: number; error: string };
    toSplitFreshMs: Spread;
    toPreviewMs?: Spread;
    runToSplitFreshMs: Spread;
    debounceMs: Spread;
    engineMs: Spread;
    engineToSplitMs: Spread;
    samples: EditSample[];
  };
  /** The whole flow in the browser: each block's engine seconds (last computed result), summed. */
  flowEngineSeconds: number;
  /** Engine restart (empty cache) until every block is fresh: worker, DuckDB and file registration included. */
  coldRunMs: number;
  /** Blocks the cold run failed (`block: code: message`); its wall time then says when it gave up. */
  coldRunFailed?: string[];
  /** Absent with `--no-cli`. */
  cli?: { seconds: number; wallSeconds: number; trainRows: number; testRows: number };
  /** Browser over CLI: flow engine seconds against the CLI's `seconds`; the cold run against the CLI process's wall. */
  browserOverCli?: { engine: number; wall?: number };
  browserRows: { ratings?: number; split?: number };
  /** The seeded sample the ratings previewed on, when the file had more rows than the preview sample size. */
  sample?: SampleInfo;
  /** The page still answered after the last step (the tab was not lost), and every block had been previewed. */
  tabAlive: boolean;
  memory: MemoryPeaks;
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);
const num = (v: number | undefined, digits = 0): string => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits));
const pair = (s: Spread | undefined): string => (s ? `${num(s.p50)} / ${num(s.p95)}` : '– / –');

export function printTable(figures: readonly StudioFigure[]): void {
  const rows = (label: string, cell: (f: StudioFigure) => string): void =>
    console.log(`${label.padEnd(44)}${figures.map((f) => pad(cell(f), 18)).join('')}`);
  console.log('');
  rows('ratings', (f) => f.ratings.toLocaleString('en-US'));
  rows('ratings previewed on (sample / of)', (f) => (f.sample ? `${f.sample.rows.toLocaleString('en-US')} / ${f.sample.exact ? '' : '~'}${f.sample.of.toLocaleString('en-US')}` : 'every row'));
  rows('tab alive after every step', (f) => (f.tabAlive ? 'yes' : 'NO'));
  rows('time to interactive, ms', (f) => num(f.timeToInteractiveMs));
  rows('  sample load (goto → all fresh), ms', (f) => num(f.loadSampleMs));
  rows('  ratings file chosen → all fresh, ms', (f) => num(f.chooseFileMs));
  rows('edits measured (after warm-up)', (f) => (f.edits.failure ? `${f.edits.measured}, #${f.edits.failure.edit} failed` : String(f.edits.measured)));
  rows('edit → split fresh, p50 / p95 ms', (f) => pair(f.edits.toSplitFreshMs));
  rows('edit → preview rows new, p50 / p95 ms', (f) => pair(f.edits.toPreviewMs));
  rows('  run start → split fresh (no debounce)', (f) => pair(f.edits.runToSplitFreshMs));
  rows('  engine ms up to the split', (f) => pair(f.edits.engineToSplitMs));
  rows('  engine ms of the whole re-run (+exports)', (f) => pair(f.edits.engineMs));
  rows('  debounce + scheduling, ms', (f) => pair(f.edits.debounceMs));
  rows('browser: cold run wall / flow engine s', (f) => `${num(f.coldRunMs / 1000, 2)}${f.coldRunFailed ? ' failed' : ''} / ${num(f.flowEngineSeconds, 2)}`);
  rows('CLI run --json: wall / seconds', (f) => `${num(f.cli?.wallSeconds, 2)} / ${num(f.cli?.seconds, 2)}`);
  rows('browser ÷ CLI: wall / engine', (f) => `${num(f.browserOverCli?.wall, 2)}× / ${num(f.browserOverCli?.engine, 2)}×`);
  rows('peak JS heap MiB: page / workers', (f) => `${f.memory.pageHeapMiB} / ${f.memory.workersHeapMiB}`);
  rows('renderer peak RSS MiB (incl. wasm)', (f) => num(f.memory.rendererPeakRssMiB));
  for (const f of figures) {
    const at = `at ${f.ratings.toLocaleString('en-US')} ratings`;
    const failedAfterSplit = f.edits.samples.filter((s) => s.failedBlocks).length;
    if (failedAfterSplit > 0) {
      console.log(`${at}, ${failedAfterSplit} of ${f.edits.samples.length} edits failed after the split: ${f.edits.samples.find((s) => s.failedBlocks)?.failedBlocks?.join('; ')}`);
    }
    if (f.edits.failure) console.log(`${at}, edit ${f.edits.failure.edit} failed: ${f.edits.failure.error}`);
    if (f.coldRunFailed) console.log(`${at}, the cold run failed: ${f.coldRunFailed.join('; ')}`);
  }
  console.log('');
}
