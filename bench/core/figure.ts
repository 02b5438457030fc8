/** What the core bench records per size and format, and the line it prints for it with the ratios its targets are about. */
import type { PeerName } from '../peers/peers';

export interface PeerFigure {
  wallSeconds: number;
  /** Wrangle's wall time ÷ the peer's: under 1 means Wrangle is faster. */
  wrangleOverPeer: number;
  trainRows: number;
  testRows: number;
}

export interface Figure {
  ratings: number;
  /** How many rounds the timings are the median of. */
  rounds: number;
  /** csv: the flow as written; parquet: the same flow with `--format parquet`. */
  format: 'csv' | 'parquet';
  wallSeconds: number;
  flowSeconds: number;
  ratingsPerSecond: number;
  peakMemoryMiB: number;
  trainRows: number;
  testRows: number;
  /** DuckDB writing the same output rows again from memory, unsorted: the least any run of the flow can take. */
  writerAloneSeconds?: number;
  /** The same flow up to its split, exported once and unsorted (engine seconds): see bench/core/flows.ts. */
  singlePassSeconds?: number;
  /** The single pass's wall time, start-up included, to set beside wallSeconds. */
  singlePassWallSeconds?: number;
  /**
   * The single pass with every row's split unit and one sort by the ratings' id (engine seconds): the floor
   * of any byte-identical run, since a certain order after a join is a sort (bench/core/flows.ts).
   */
  sortedPassSeconds?: number;
  /** The flow with each export sorted by the ratings' id instead of every column (engine seconds): a row identity's best case. */
  idOrderedSeconds?: number;
  /** The same without the split's table: each export computes the flow, keeps its part and sorts it by the id. */
  computedTwiceSeconds?: number;
  /** DuckDB's memory limit for the run, in MiB. */
  memoryLimitMiB: number;
  /** The most the run had spilled to disk at once, in MiB. */
  spillPeakMiB: number;
  /** A second run with `--threads 1` wrote byte-identical files (checked up to 1M ratings). */
  identicalOnOneThread?: boolean;
  peers: Partial<Record<PeerName, PeerFigure>>;
  /** 1-minute load average when the round started: the machine is shared. */
  loadAverage: number;
  measuredAt: string;
}

const s = (x: number) => `${x.toFixed(2)} s`;
const times = (x: number) => `${x.toFixed(2)}×`;

export function describeFigure(f: Figure): string {
  const parts = [
    `${f.ratings.toLocaleString('en-US').padStart(11)} ratings, ${f.format.padEnd(7)}: ${s(f.wallSeconds).padStart(8)} wall (median of ${f.rounds}), ${s(f.flowSeconds)} in the engine`,
    `${f.ratingsPerSecond.toLocaleString('en-US')} ratings/s, peak ${f.peakMemoryMiB} MiB, spilled ${f.spillPeakMiB} MiB at most (limit ${f.memoryLimitMiB} MiB)`,
  ];
  if (f.writerAloneSeconds !== undefined) {
    parts.push(`DuckDB's writer alone, same rows from memory: ${s(f.writerAloneSeconds)} (engine ÷ writer ${times(f.flowSeconds / f.writerAloneSeconds)})`);
  }
  if (f.singlePassSeconds !== undefined && f.sortedPassSeconds !== undefined) {
    parts.push(
      `one unsorted pass, no split: ${s(f.singlePassSeconds)} (engine ÷ single pass ${times(f.flowSeconds / f.singlePassSeconds)})`,
      `with the split's unit and one sort by the ratings' id, the floor of a byte-identical run: ${s(f.sortedPassSeconds)} ` +
        `(${times(f.sortedPassSeconds / f.singlePassSeconds)} the single pass` +
        (f.writerAloneSeconds === undefined ? ')' : `, ${times(f.sortedPassSeconds / f.writerAloneSeconds)} the writer alone)`),
    );
  }
  if (f.singlePassSeconds !== undefined && f.idOrderedSeconds !== undefined) {
    parts.push(`the flow with its exports sorted by the ratings' id alone, the cheapest identity: ${s(f.idOrderedSeconds)} (${times(f.idOrderedSeconds / f.singlePassSeconds)} the single pass)`);
  }
  if (f.singlePassSeconds !== undefined && f.computedTwiceSeconds !== undefined) {
    parts.push(`the same with no split table, each export computing the flow: ${s(f.computedTwiceSeconds)} (${times(f.computedTwiceSeconds / f.singlePassSeconds)} the single pass)`);
  }
  if (f.identicalOnOneThread !== undefined) parts.push(`--threads 1 gives ${f.identicalOnOneThread ? 'byte-identical files' : 'DIFFERENT FILES'}`);
  for (const [peer, p] of Object.entries(f.peers)) if (p) parts.push(`${peer} ${s(p.wallSeconds)} (Wrangle ÷ ${peer} ${p.wrangleOverPeer})`);
  parts.push(`load average ${f.loadAverage}`);
  return parts.join('; ');
}
