/** One printed line per measured size and format of the core bench, with the ratios its targets are about. */

export interface DescribedFigure {
  ratings: number;
  format: 'csv' | 'parquet';
  rounds: number;
  wallSeconds: number;
  flowSeconds: number;
  ratingsPerSecond: number;
  peakMemoryMiB: number;
  memoryLimitMiB: number;
  spillPeakMiB: number;
  writerAloneSeconds?: number;
  singlePassSeconds?: number;
  sortedPassSeconds?: number;
  idOrderedSeconds?: number;
  computedTwiceSeconds?: number;
  identicalOnOneThread?: boolean;
  peers: Partial<Record<string, { wallSeconds: number; wrangleOverPeer: number }>>;
  loadAverage: number;
}

const s = (x: number) => `${x.toFixed(2)} s`;
const times = (x: number) => `${x.toFixed(2)}×`;

export function describeFigure(f: DescribedFigure): string {
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
    parts.push(`the flow with its exports sorted by the ratings' id instead of every column: ${s(f.idOrderedSeconds)} (${times(f.idOrderedSeconds / f.singlePassSeconds)} the single pass)`);
  }
  if (f.singlePassSeconds !== undefined && f.computedTwiceSeconds !== undefined) {
    parts.push(`the same with no split table, each export computing the flow: ${s(f.computedTwiceSeconds)} (${times(f.computedTwiceSeconds / f.singlePassSeconds)} the single pass)`);
  }
  if (f.identicalOnOneThread !== undefined) parts.push(`--threads 1 gives ${f.identicalOnOneThread ? 'byte-identical files' : 'DIFFERENT FILES'}`);
  for (const [peer, p] of Object.entries(f.peers)) if (p) parts.push(`${peer} ${s(p.wallSeconds)} (Wrangle ÷ ${peer} ${p.wrangleOverPeer})`);
  parts.push(`load average ${f.loadAverage}`);
  return parts.join('; ');
}
