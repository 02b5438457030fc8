/**
 * `npm run bench`: the music workshop flow through the CLI at 100k, 1M and 10M ratings (the workshop's blocks only: the
 * flow's ALS branch is measured by bench/als.ts). Prints wall time, rows/s and
 * peak memory, how long DuckDB's writer alone takes to write the same rows again (the floor no plan can go under),
 * and how long the flow takes computed once and written once, unsorted, without its split (bench/core/flows.ts),
 * and writes bench/results/core.json. Larger data sets are generated on first use into
 * sample-data/generated/ (ignored by git). `--sizes 100000,1000000` limits the sizes.
 *
 * Sizes above 10M (opt-in: `--sizes 30000000,100000000`) run the Parquet output only and skip the two floors, which
 * would take as long again; they record the bytes spilled (the CLI's spillPeakMiB). `--memory-limit 4GB` passes a
 * memory limit to every run, to make them spill.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '../src/testing/run-cli';
import { dataDir } from './data';
import { benchFlows } from './core/flows';
import { writerAloneSeconds } from './core/writer-alone';

const sizesArg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ?? process.argv[process.argv.indexOf('--sizes') + 1];
const sizes = (process.argv.includes('--sizes') || sizesArg?.includes(',') ? sizesArg! : '100000,1000000,10000000').split(',').map(Number);
const memoryLimitArg = process.argv[process.argv.indexOf('--memory-limit') + 1];
const memoryLimit = process.argv.includes('--memory-limit') ? ['--memory-limit', memoryLimitArg!] : [];
/** Above this, a size is big: Parquet only, no floors. */
const BIG = 10_000_000;
const flows = benchFlows(join(repoRoot, 'sample-data', 'flows', 'music-recommendation.flow.json'));

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
}

const runs = sizes.flatMap((ratings) => (ratings > BIG ? (['parquet'] as const) : (['csv', 'parquet'] as const)).map((format) => ({ ratings, format })));
const figures: Figure[] = [];
for (const { ratings, format } of runs) {
  const data = dataDir(ratings);
  const out = mkdtempSync(join(tmpdir(), 'wrangle-bench-'));
  const started = performance.now();
  const r = await runCli(['run', flows.workshop, '--data', data, '--out', out, '--force', '--json', '--format', format, ...memoryLimit]);
  const wallSeconds = (performance.now() - started) / 1000;
  if (r.code !== 0) throw new Error(`run failed at ${ratings} ratings:\n${r.stderr}`);
  const big = ratings > BIG;
  const writerAlone = big ? undefined : await writerAloneSeconds(['train', 'test'].map((f) => join(out, `${f}.${format}`)), format);
  const single = big ? undefined : await runCli(['run', flows.singlePass, '--data', data, '--out', out, '--force', '--json', '--format', format, ...memoryLimit]);
  if (single && single.code !== 0) throw new Error(`the single-pass flow failed at ${ratings} ratings:\n${single.stderr}`);
  rmSync(out, { recursive: true, force: true });
  const summary = JSON.parse(r.stdout) as { seconds: number; peakMemoryMiB: number; memoryLimitMiB: number; spillPeakMiB: number; outputs: { file: string; rows: number }[] };
  const rows = (f: string) => summary.outputs.find((o) => o.file === `${f}.${format}`)?.rows ?? 0;
  const fig: Figure = {
    ratings,
    format,
    wallSeconds: Number(wallSeconds.toFixed(2)),
    flowSeconds: Number(summary.seconds.toFixed(2)),
    ratingsPerSecond: Math.round(ratings / wallSeconds),
    peakMemoryMiB: summary.peakMemoryMiB,
    trainRows: rows('train'),
    testRows: rows('test'),
    ...(writerAlone === undefined ? {} : { writerAloneSeconds: Number(writerAlone.toFixed(2)) }),
    ...(single ? { singlePassSeconds: Number((JSON.parse(single.stdout) as { seconds: number }).seconds.toFixed(2)) } : {}),
    memoryLimitMiB: summary.memoryLimitMiB,
    spillPeakMiB: summary.spillPeakMiB,
  };
  figures.push(fig);
  console.log(
    `${ratings.toLocaleString('en-US').padStart(11)} ratings, ${format.padEnd(7)}: ${fig.wallSeconds.toFixed(2).padStart(6)} s wall, ` +
      `${fig.ratingsPerSecond.toLocaleString('en-US').padStart(10)} ratings/s, peak ${fig.peakMemoryMiB} MiB, ` +
      `spilled ${fig.spillPeakMiB} MiB at most (limit ${fig.memoryLimitMiB} MiB)` +
      (fig.writerAloneSeconds === undefined ? '' : `; DuckDB's writer alone, same rows from memory: ${fig.writerAloneSeconds.toFixed(2)} s`) +
      (fig.singlePassSeconds === undefined ? '' : `; one unsorted pass, no split: ${fig.singlePassSeconds.toFixed(2)} s`),
  );
}

const result = {
  benchmark: 'core: music workshop flow through `wrangle run`',
  date: new Date().toISOString(),
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  target: '10M ratings end to end in under 15 s on 2 cores',
  figures,
};
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
// The opt-in big sizes alone go to their own file, so that they do not replace the standard sizes' figures.
const file = sizes.every((n) => n > BIG) ? 'core-big.json' : 'core.json';
writeFileSync(join(repoRoot, 'bench', 'results', file), `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote bench/results/${file}`);
