/**
 * `npm run bench` (CLI start-up part; alone: `npx tsx bench/cli-startup.ts --runs 7`): how long `wrangle` takes to
 * start, from source (`WRANGLE_FROM_SOURCE=1`: tsx compiles src/cli/main.ts on load, as bin/wrangle.mjs did before
 * the bundle) and from the prebuilt bundle in dist-cli/. The two alternate, run after run, so load on the shared
 * machine falls on both alike. Writes bench/results/cli-startup.json.
 *
 * - `--help`: the wall time of the whole process.
 * - The music flow on its 100k ratings (the full flow, ALS included; `--backend wasm`, so no GPU probe varies): the
 *   process's wall time minus the engine seconds the CLI reports in `--json`. The engine's clock runs from just before
 *   DuckDB opens to the end of the last block, so the difference is everything the CLI does outside it: Node starting,
 *   loading (or compiling) the modules, reading the flow and resolving inputs, then printing the summary, closing
 *   DuckDB and exiting. The ALS worker threads start inside the engine's clock (from source each compiles the ML code
 *   with tsx); the training block's own seconds are reported beside, for that.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureCliBundle } from '../scripts/build-cli.mjs';
import { repoRoot } from '../src/testing/run-cli';

const runsArg = process.argv[process.argv.indexOf('--runs') + 1];
const runs = process.argv.includes('--runs') ? Number(runsArg) : 5;
const modes = ['source', 'bundle'] as const;
type Mode = (typeof modes)[number];

const bin = join(repoRoot, 'bin', 'wrangle.mjs');
const flow = join(repoRoot, 'sample-data', 'flows', 'music-recommendation.flow.json');
const data = join(repoRoot, 'sample-data', 'music');

interface Timed {
  wallSeconds: number;
  stdout: string;
}

/** Runs bin/wrangle.mjs in a child process and times it from spawn to exit. */
function wrangle(mode: Mode, args: string[]): Promise<Timed> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (mode === 'source') env.WRANGLE_FROM_SOURCE = '1';
  else delete env.WRANGLE_FROM_SOURCE;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`wrangle ${args.join(' ')} (${mode}) failed:\n${stderr}`));
      else resolve({ wallSeconds: (performance.now() - started) / 1000, stdout });
    });
  });
}

interface Sample {
  helpSeconds: number;
  runWallSeconds: number;
  engineSeconds: number;
  startupSeconds: number;
  trainSeconds: number;
}

async function sample(mode: Mode): Promise<Sample> {
  const help = await wrangle(mode, ['--help']);
  const out = mkdtempSync(join(tmpdir(), 'wrangle-startup-'));
  try {
    const run = await wrangle(mode, ['run', flow, '--data', data, '--out', out, '--force', '--json', '--backend', 'wasm']);
    const summary = JSON.parse(run.stdout) as { seconds: number; blocks: { kind: string; seconds: number }[] };
    return {
      helpSeconds: help.wallSeconds,
      runWallSeconds: run.wallSeconds,
      engineSeconds: summary.seconds,
      startupSeconds: run.wallSeconds - summary.seconds,
      trainSeconds: summary.blocks.find((b) => b.kind === 'train-als')?.seconds ?? Number.NaN,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

await ensureCliBundle();
// One untimed run of each, so the first timed one does not pay for cold disk caches.
for (const mode of modes) await sample(mode);
const samples: Record<Mode, Sample[]> = { source: [], bundle: [] };
for (let i = 0; i < runs; i++) {
  for (const mode of i % 2 ? [...modes].reverse() : modes) samples[mode].push(await sample(mode));
}

const metrics: Array<[key: keyof Sample, label: string]> = [
  ['helpSeconds', '`wrangle --help`, wall'],
  ['startupSeconds', 'music run, 100k ratings: wall − engine'],
  ['runWallSeconds', 'music run, 100k ratings: wall'],
  ['trainSeconds', 'music run: train-als block (worker threads start in it)'],
];
const figures = metrics.map(([key, label]) => {
  const of = (mode: Mode) => samples[mode].map((s) => s[key]);
  const [source, bundle] = [median(of('source')), median(of('bundle'))];
  return {
    metric: key,
    label,
    sourceMedianSeconds: Number(source.toFixed(3)),
    bundleMedianSeconds: Number(bundle.toFixed(3)),
    sourceRangeSeconds: [Math.min(...of('source')), Math.max(...of('source'))].map((v) => Number(v.toFixed(3))),
    bundleRangeSeconds: [Math.min(...of('bundle')), Math.max(...of('bundle'))].map((v) => Number(v.toFixed(3))),
    sourceOverBundle: Number((source / bundle).toFixed(2)),
  };
});

console.log(`wrangle start-up, ${runs} runs each, alternating (medians, min–max):`);
console.log(`${'measure'.padEnd(58)} ${'from source (tsx)'.padStart(22)} ${'bundle'.padStart(22)}  ratio`);
const cell = (m: number, [lo, hi]: number[]) => `${m.toFixed(3)} s (${lo!.toFixed(2)}–${hi!.toFixed(2)})`.padStart(22);
for (const f of figures) {
  console.log(`${f.label.padEnd(58)} ${cell(f.sourceMedianSeconds, f.sourceRangeSeconds)} ${cell(f.bundleMedianSeconds, f.bundleRangeSeconds)}  ${f.sourceOverBundle.toFixed(2)}×`);
}

const result = {
  benchmark: 'cli-startup: `wrangle` from source (tsx) vs the prebuilt bundle (dist-cli/)',
  date: new Date().toISOString(),
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  runs,
  figures,
  samples,
};
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'cli-startup.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('wrote bench/results/cli-startup.json');
