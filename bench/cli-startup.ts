/**
 * `npm run bench` (CLI start-up part; alone: `npx tsx bench/cli-startup.ts --runs 7`): how long `wrangle` takes to
 * start, from source (`WRANGLE_FROM_SOURCE=1`: tsx compiles src/cli/main.ts on load, as bin/wrangle.mjs did before
 * the bundle) and from the prebuilt bundle in dist-cli/. The two alternate, run after run, so load on the shared
 * machine falls on both alike. `--baseline DIR` adds a third: DIR/bin/wrangle.mjs as it stands in DIR (a checkout of an
 * earlier commit, its node_modules linked to this one's), since from source here already has this checkout's changes
 * to main.ts. Writes bench/results/cli-startup.json.
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
import { join, resolve } from 'node:path';
import { ensureCliBundle } from '../scripts/build-cli.mjs';
import { repoRoot } from '../src/testing/run-cli';

const runsArg = process.argv[process.argv.indexOf('--runs') + 1];
const runs = process.argv.includes('--runs') ? Number(runsArg) : 5;
const baselineArg = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : undefined;
const baseline = baselineArg === undefined ? undefined : resolve(baselineArg);

interface Mode {
  name: string;
  bin: string;
  fromSource: boolean;
}
const modes: Mode[] = [
  ...(baseline ? [{ name: 'baseline', bin: join(baseline, 'bin', 'wrangle.mjs'), fromSource: false }] : []),
  { name: 'source', bin: join(repoRoot, 'bin', 'wrangle.mjs'), fromSource: true },
  { name: 'bundle', bin: join(repoRoot, 'bin', 'wrangle.mjs'), fromSource: false },
];
const labels: Record<string, string> = { baseline: `baseline (${baselineArg})`, source: 'from source (tsx)', bundle: 'bundle' };
const flow = join(repoRoot, 'sample-data', 'flows', 'music-recommendation.flow.json');
const data = join(repoRoot, 'sample-data', 'music');

interface Timed {
  wallSeconds: number;
  stdout: string;
}

/** Runs bin/wrangle.mjs in a child process and times it from spawn to exit. */
function wrangle(mode: Mode, args: string[]): Promise<Timed> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (mode.fromSource) env.WRANGLE_FROM_SOURCE = '1';
  else delete env.WRANGLE_FROM_SOURCE;
  const started = performance.now();
  return new Promise((done, reject) => {
    execFile(process.execPath, [mode.bin, ...args], { cwd: repoRoot, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`wrangle ${args.join(' ')} (${mode.name}) failed:\n${stderr}`));
      else done({ wallSeconds: (performance.now() - started) / 1000, stdout });
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
const samples: Record<string, Sample[]> = Object.fromEntries(modes.map((m) => [m.name, []]));
for (let i = 0; i < runs; i++) {
  for (const mode of i % 2 ? [...modes].reverse() : modes) samples[mode.name]!.push(await sample(mode));
}

const metrics: Array<[key: keyof Sample, label: string]> = [
  ['helpSeconds', '`wrangle --help`, wall'],
  ['startupSeconds', 'music run, 100k ratings: wall − engine'],
  ['runWallSeconds', 'music run, 100k ratings: wall'],
  ['trainSeconds', 'music run: train-als block (worker threads start in it)'],
];
interface Spread {
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
}
const round = (v: number) => Number(v.toFixed(3));
const figures = metrics.map(([key, label]) => {
  const byMode: Record<string, Spread> = Object.fromEntries(
    modes.map(({ name }) => {
      const values = samples[name]!.map((s) => s[key]);
      return [name, { medianSeconds: round(median(values)), minSeconds: round(Math.min(...values)), maxSeconds: round(Math.max(...values)) }];
    }),
  );
  return { metric: key, label, byMode };
});

console.log(`wrangle start-up, ${runs} runs each, alternating (medians, min–max; the ratio is the slowest median ÷ the bundle's):`);
console.log(`${'measure'.padEnd(58)}${modes.map((m) => labels[m.name]!.padStart(26)).join('')}  ratio`);
for (const f of figures) {
  const cells = modes.map(({ name }) => {
    const { medianSeconds: m, minSeconds: lo, maxSeconds: hi } = f.byMode[name]!;
    return `${m.toFixed(3)} s (${lo.toFixed(2)}–${hi.toFixed(2)})`.padStart(26);
  });
  const medians = modes.map(({ name }) => f.byMode[name]!.medianSeconds);
  console.log(`${f.label.padEnd(58)}${cells.join('')}  ${(Math.max(...medians) / medians.at(-1)!).toFixed(2)}×`);
}

const result = {
  benchmark: 'cli-startup: `wrangle` from source (tsx) vs the prebuilt bundle (dist-cli/)',
  date: new Date().toISOString(),
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  runs,
  modes: modes.map((m) => ({ name: m.name, label: labels[m.name], bin: m.bin, fromSource: m.fromSource })),
  figures,
  samples,
};
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'cli-startup.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log('wrote bench/results/cli-startup.json');
