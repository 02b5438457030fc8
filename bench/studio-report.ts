/** Summaries and the printed table of the browser bench. */
import type { MemoryPeaks } from './studio-memory';
import type { ColdRun, EditSample } from './studio-steps';

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
    toSplitFreshMs: Spread;
    toPreviewMs?: Spread;
    runToSplitFreshMs: Spread;
    debounceMs: Spread;
    engineMs: Spread;
    samples: EditSample[];
  };
  coldRun: ColdRun;
  cli: { seconds: number; wallSeconds: number; trainRows: number; testRows: number };
  /** Browser over CLI: engine seconds against the CLI's `seconds`, and cold wall time against the CLI process's. */
  browserOverCli: { engine: number; wall: number };
  browserRows: { ratings?: number; split?: number };
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
  rows('time to interactive, ms', (f) => num(f.timeToInteractiveMs));
  rows('  sample load (goto → all fresh), ms', (f) => num(f.loadSampleMs));
  rows('  ratings file chosen → all fresh, ms', (f) => num(f.chooseFileMs));
  rows('edit → split fresh, p50 / p95 ms', (f) => pair(f.edits.toSplitFreshMs));
  rows('edit → preview rows new, p50 / p95 ms', (f) => pair(f.edits.toPreviewMs));
  rows('  run start → split fresh (no debounce)', (f) => pair(f.edits.runToSplitFreshMs));
  rows('  engine seconds of the run, as ms', (f) => pair(f.edits.engineMs));
  rows('  debounce + scheduling, ms', (f) => pair(f.edits.debounceMs));
  rows('cold run in browser: wall / engine s', (f) => `${num(f.coldRun.wallMs / 1000, 2)} / ${num(f.coldRun.engineSeconds, 2)}`);
  rows('CLI run --json: wall / seconds', (f) => `${num(f.cli.wallSeconds, 2)} / ${num(f.cli.seconds, 2)}`);
  rows('browser ÷ CLI: engine / wall', (f) => `${num(f.browserOverCli.engine, 2)}× / ${num(f.browserOverCli.wall, 2)}×`);
  rows('peak JS heap MiB: page / workers', (f) => `${f.memory.pageHeapMiB} / ${f.memory.workersHeapMiB}`);
  rows('duckdb-wasm memory MiB', (f) => num(f.memory.wasmMiB));
  rows('renderer peak RSS MiB', (f) => num(f.memory.rendererPeakRssMiB));
  console.log('');
}
