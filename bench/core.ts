/**
 * `npm run bench`: the music workshop flow through the CLI at 100k, 1M and 10M ratings (the workshop's blocks only: the
 * flow's ALS branch is measured by bench/als.ts), beside its peers in polars and pandas (bench/peers/) on the same
 * files, one after another in each round. Prints wall time, rows/s and peak memory, how long DuckDB's writer alone
 * takes to write the same rows again (the floor no plan can go under), how long the flow takes computed once and
 * written once, unsorted, without its split (bench/core/flows.ts), and Wrangle ÷ peer; at 1M and below it runs
 * Wrangle again on one thread and checks that the files are byte-identical. Writes bench/results/core.json. Larger
 * data sets are generated on first use into sample-data/generated/ (ignored by git).
 *
 * `--sizes 100000,1000000` limits the sizes, `--peers polars` (or `none`) the peers, `--formats parquet` the outputs.
 *
 * Sizes above 10M (opt-in: `--sizes 30000000,100000000`) run the Parquet output only, without the floors (which would
 * take as long again) or the peers, and record the bytes spilled (the CLI's spillPeakMiB); their figures go to
 * bench/results/core-big.json. `--memory-limit 4GB` passes a memory limit to every Wrangle run, to make them spill.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '../src/testing/run-cli';
import { dataDir } from './data';
import { outputColumns } from './core/columns';
import { benchFlows } from './core/flows';
import { writerAloneSeconds } from './core/writer-alone';
import { PEER_NAMES, preparePeers, runPeer, type PeerName, type PeerRun } from './peers/peers';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3) ?? (i >= 0 ? process.argv[i + 1]! : fallback);
}
const sizes = option('sizes', '100000,1000000,10000000').split(',').map(Number);
const formats = option('formats', 'csv,parquet').split(',') as ('csv' | 'parquet')[];
const peerOption = option('peers', PEER_NAMES.join(','));
const peers = preparePeers(peerOption === 'none' ? [] : (peerOption.split(',') as PeerName[]));
for (const { peer, reason } of peers.skipped) console.log(`skipping the ${peer} peer: ${reason}`);
const memoryLimitValue = option('memory-limit', '');
const memoryLimit = memoryLimitValue === '' ? [] : ['--memory-limit', memoryLimitValue];
/** Above this, a size is big: Parquet only, no floors, no peers. */
const BIG = 10_000_000;
const flows = benchFlows(join(repoRoot, 'sample-data', 'flows', 'music-recommendation.flow.json'));
/** Up to this size the bench runs Wrangle a second time on one thread and compares the files byte for byte. */
const CHECKED_UP_TO = 1_000_000;

interface PeerFigure {
  wallSeconds: number;
  /** Wrangle's wall time ÷ the peer's: under 1 means Wrangle is faster. */
  wrangleOverPeer: number;
  trainRows: number;
  testRows: number;
}

interface Figure {
  ratings: number;
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

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function runWrangle(data: string, format: 'csv' | 'parquet', extra: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'wrangle-bench-'));
  const started = performance.now();
  const r = await runCli(['run', flows.workshop, '--data', data, '--out', out, '--force', '--json', '--format', format, ...memoryLimit, ...extra]);
  const wallSeconds = (performance.now() - started) / 1000;
  if (r.code !== 0) throw new Error(`wrangle run failed on ${data}:\n${r.stderr}`);
  const summary = JSON.parse(r.stdout) as { seconds: number; peakMemoryMiB: number; memoryLimitMiB: number; spillPeakMiB: number; outputs: { file: string; rows: number }[] };
  const files = ['train', 'test'].map((f) => join(out, `${f}.${format}`));
  return { out, files, wallSeconds, summary, rows: (f: string) => summary.outputs.find((o) => o.file === `${f}.${format}`)?.rows ?? 0 };
}

function checkPeer(peer: PeerName, run: PeerRun, trainRows: number, testRows: number, columns: string[]): void {
  if (run.trainRows + run.testRows !== trainRows + testRows) {
    throw new Error(`${peer} wrote ${run.trainRows + run.testRows} rows in train + test, Wrangle ${trainRows + testRows}`);
  }
  const theirs = [...run.columns].sort().join(',');
  if (theirs !== [...columns].sort().join(',')) throw new Error(`${peer} wrote other columns than Wrangle:\n${run.columns.join(',')}\n${columns.join(',')}`);
}

const figures: Figure[] = [];
for (const ratings of sizes) {
  const data = dataDir(ratings);
  const big = ratings > BIG;
  for (const format of big ? (['parquet'] as const) : formats) {
    const loadAverage = Number(loadavg()[0]!.toFixed(1));
    const w = await runWrangle(data, format);
    const trainRows = w.rows('train');
    const testRows = w.rows('test');
    const columns = await outputColumns(w.files[0]!, format);
    const writerAlone = big ? undefined : await writerAloneSeconds(w.files, format);
    let identicalOnOneThread: boolean | undefined;
    if (ratings <= CHECKED_UP_TO) {
      const again = await runWrangle(data, format, ['--threads', '1']);
      identicalOnOneThread = w.files.every((f, i) => sha256(f) === sha256(again.files[i]!));
      rmSync(again.out, { recursive: true, force: true });
    }
    const single = big ? undefined : await runCli(['run', flows.singlePass, '--data', data, '--out', w.out, '--force', '--json', '--format', format, ...memoryLimit]);
    if (single && single.code !== 0) throw new Error(`the single-pass flow failed at ${ratings} ratings:\n${single.stderr}`);
    const peerFigures: Figure['peers'] = {};
    for (const peer of big ? [] : peers.ready) {
      const run = await runPeer(peer, data, w.out, format);
      checkPeer(peer, run, trainRows, testRows, columns);
      peerFigures[peer] = {
        wallSeconds: Number(run.wallSeconds.toFixed(2)),
        wrangleOverPeer: Number((w.wallSeconds / run.wallSeconds).toFixed(2)),
        trainRows: run.trainRows,
        testRows: run.testRows,
      };
    }
    rmSync(w.out, { recursive: true, force: true });
    const fig: Figure = {
      ratings,
      format,
      wallSeconds: Number(w.wallSeconds.toFixed(2)),
      flowSeconds: Number(w.summary.seconds.toFixed(2)),
      ratingsPerSecond: Math.round(ratings / w.wallSeconds),
      peakMemoryMiB: w.summary.peakMemoryMiB,
      trainRows,
      testRows,
      ...(writerAlone === undefined ? {} : { writerAloneSeconds: Number(writerAlone.toFixed(2)) }),
      ...(single ? { singlePassSeconds: Number((JSON.parse(single.stdout) as { seconds: number }).seconds.toFixed(2)) } : {}),
      memoryLimitMiB: w.summary.memoryLimitMiB,
      spillPeakMiB: w.summary.spillPeakMiB,
      ...(identicalOnOneThread !== undefined ? { identicalOnOneThread } : {}),
      peers: peerFigures,
      loadAverage,
      measuredAt: new Date().toISOString(),
    };
    figures.push(fig);
    const vs = Object.entries(peerFigures).map(([p, f]) => `${p} ${f.wallSeconds.toFixed(2)} s (Wrangle ÷ ${p} ${f.wrangleOverPeer})`);
    console.log(
      `${ratings.toLocaleString('en-US').padStart(11)} ratings, ${format.padEnd(7)}: ${fig.wallSeconds.toFixed(2).padStart(6)} s wall, ` +
        `${fig.ratingsPerSecond.toLocaleString('en-US').padStart(10)} ratings/s, peak ${fig.peakMemoryMiB} MiB, ` +
        `spilled ${fig.spillPeakMiB} MiB at most (limit ${fig.memoryLimitMiB} MiB)` +
        (fig.writerAloneSeconds === undefined ? '' : `; DuckDB's writer alone, same rows from memory: ${fig.writerAloneSeconds.toFixed(2)} s`) +
        (fig.singlePassSeconds === undefined ? '' : `; one unsorted pass, no split: ${fig.singlePassSeconds.toFixed(2)} s`) +
        (identicalOnOneThread === undefined ? '' : `; --threads 1 gives ${identicalOnOneThread ? 'byte-identical files' : 'DIFFERENT FILES'}`) +
        (vs.length > 0 ? `; ${vs.join(', ')}` : '') +
        `; load average ${loadAverage}`,
    );
    if (identicalOnOneThread === false) process.exitCode = 1;
  }
}

// A run of some sizes or formats keeps the figures of the others from the previous file, each with its own date.
// The opt-in big sizes alone go to their own file, so that they do not replace the standard sizes' figures.
const resultName = sizes.every((n) => n > BIG) ? 'core-big.json' : 'core.json';
const resultFile = join(repoRoot, 'bench', 'results', resultName);
const measured = (f: Pick<Figure, 'ratings' | 'format'>) => figures.some((g) => g.ratings === f.ratings && g.format === f.format);
const kept = existsSync(resultFile)
  ? ((JSON.parse(readFileSync(resultFile, 'utf8')) as { figures?: Figure[] }).figures ?? []).filter((f) => f.measuredAt && !measured(f))
  : [];
const result = {
  benchmark: 'core: music workshop flow through `wrangle run`, beside the same work in polars and pandas',
  date: new Date().toISOString(),
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  targets: [
    'Parquet: Wrangle at least 1.2× faster than polars at 1M and 10M, within 1.5× of the single unsorted pass',
    "CSV: at least as fast as polars at 10M, within 1.3× of DuckDB's CSV writer alone at 1M",
    'at least 10× faster than pandas at 10M in both formats',
  ],
  skippedPeers: peers.skipped,
  figures: [...kept, ...figures].sort((a, b) => a.ratings - b.ratings || a.format.localeCompare(b.format)),
};
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote bench/results/${resultName}`);
