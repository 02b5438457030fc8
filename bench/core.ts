/**
 * `npm run bench`: the music workshop flow through the CLI at 100k, 1M and 10M ratings (the workshop's blocks only: the
 * flow's ALS branch is measured by bench/als.ts), beside its peers in polars and pandas (bench/peers/) on the same
 * files, one after another in each round. Prints wall time, rows/s and peak memory, how long DuckDB's writer alone
 * takes to write the same rows again (the floor no plan can go under), how long the flow takes computed once and
 * written once, unsorted, without its split, and how long with its split's unit and the cheapest certain sort of its
 * rows added (the floor of a byte-identical run: bench/core/flows.ts), and Wrangle ÷ peer; at 1M and below it runs
 * Wrangle again on one thread and checks that the files are byte-identical. Writes bench/results/core.json. Larger
 * data sets are generated on first use into sample-data/generated/ (ignored by git).
 *
 * `--sizes 100000,1000000` limits the sizes, `--peers polars` (or `none`) the peers, `--formats parquet` the outputs,
 * `--rounds 1` the rounds (default 3: Wrangle, the reference runs and the peers take turns; figures are medians).
 *
 * Sizes above 10M (opt-in: `--sizes 30000000,100000000`) run the Parquet output only, once, without the writer alone,
 * the reference runs (which would take as long again, several times over) or the peers, and record the bytes spilled
 * (the CLI's spillPeakMiB); their figures go to bench/results/core-big.json. `--memory-limit 4GB` passes a memory
 * limit to every Wrangle run, to make them spill.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/testing/run-cli';
import { dataDir } from './data';
import { outputColumns } from './core/columns';
import { benchFlows } from './core/flows';
import { describeFigure, type Figure } from './core/figure';
import { referenceFlows, referencePasses, runFlow } from './core/passes';
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
/** Rounds of Wrangle, its reference runs and the peers, taking turns, below the big sizes (which run once). */
const roundCount = Number(option('rounds', '3'));
/** A peer slower than this in the first round is not run again in the next ones. */
const SLOW_PEER_SECONDS = 120;
const memoryLimitValue = option('memory-limit', '');
const memoryLimit = memoryLimitValue === '' ? [] : ['--memory-limit', memoryLimitValue];
/** Above this, a size is big: Parquet only, once, no writer alone, no reference runs, no peers. */
const BIG = 10_000_000;
const flows = benchFlows(join(repoRoot, 'sample-data', 'flows', 'music-recommendation.flow.json'));
/** Up to this size the bench runs Wrangle a second time on one thread and compares the files byte for byte. */
const CHECKED_UP_TO = 1_000_000;

const round2 = (x: number) => Number(x.toFixed(2));
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function runWrangle(data: string, format: 'csv' | 'parquet', extra: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'wrangle-bench-'));
  const { wallSeconds, summary } = await runFlow(flows.workshop, data, out, format, [...memoryLimit, ...extra]);
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
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
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
    // Each round runs Wrangle, its reference runs and every peer in turn; the figures are the rounds' medians.
    const refs = big ? undefined : referenceFlows(flows, data);
    const samples: Record<string, number>[] = [];
    const peerRuns = new Map<PeerName, PeerRun[]>();
    for (let round = 0; round < (big ? 1 : roundCount); round++) {
      const sample: Record<string, number> = { wall: w.wallSeconds, engine: w.summary.seconds };
      if (round > 0) {
        const again = await runWrangle(data, format);
        Object.assign(sample, { wall: again.wallSeconds, engine: again.summary.seconds });
        rmSync(again.out, { recursive: true, force: true });
      }
      if (refs) {
        const passes = await referencePasses(refs, data, w.out, format, memoryLimit);
        Object.assign(sample, passes.engine, { singleWall: passes.singleWall });
      }
      samples.push(sample);
      for (const peer of big ? [] : peers.ready) {
        // A peer that takes minutes (pandas writing 10M rows of CSV) runs once: its noise is small beside its time.
        const runs = peerRuns.get(peer) ?? [];
        if ((runs[0]?.wallSeconds ?? 0) > SLOW_PEER_SECONDS) continue;
        const run = await runPeer(peer, data, w.out, format);
        checkPeer(peer, run, trainRows, testRows, columns);
        peerRuns.set(peer, [...runs, run]);
      }
    }
    rmSync(w.out, { recursive: true, force: true });
    const medianOf = (key: string) => median(samples.map((x) => x[key]!));
    const wallSeconds = medianOf('wall');
    const peerFigures: Figure['peers'] = {};
    for (const [peer, runs] of peerRuns) {
      const peerWall = median(runs.map((r) => r.wallSeconds));
      peerFigures[peer] = { wallSeconds: round2(peerWall), wrangleOverPeer: round2(wallSeconds / peerWall), trainRows: runs[0]!.trainRows, testRows: runs[0]!.testRows };
    }
    const fig: Figure = {
      ratings,
      format,
      rounds: samples.length,
      wallSeconds: round2(wallSeconds),
      flowSeconds: round2(medianOf('engine')),
      ratingsPerSecond: Math.round(ratings / wallSeconds),
      peakMemoryMiB: w.summary.peakMemoryMiB,
      trainRows,
      testRows,
      ...(writerAlone === undefined ? {} : { writerAloneSeconds: round2(writerAlone) }),
      ...(refs
        ? {
            singlePassSeconds: round2(medianOf('single')),
            singlePassWallSeconds: round2(medianOf('singleWall')),
            sortedPassSeconds: round2(medianOf('sorted')),
            idOrderedSeconds: round2(medianOf('idOrdered')),
            computedTwiceSeconds: round2(medianOf('computedTwice')),
          }
        : {}),
      memoryLimitMiB: w.summary.memoryLimitMiB,
      spillPeakMiB: w.summary.spillPeakMiB,
      ...(identicalOnOneThread !== undefined ? { identicalOnOneThread } : {}),
      peers: peerFigures,
      loadAverage,
      measuredAt: new Date().toISOString(),
    };
    figures.push(fig);
    console.log(describeFigure(fig));
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
