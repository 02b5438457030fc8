/**
 * `npm run bench` (after bench/core.ts): the studio in headless Chromium, on the built app served by `vite preview`,
 * at 100k and 1M ratings. Measures the time to interactive, the preview latency after editing the danceability
 * formula, a cold run of the whole flow against the CLI on the same data, and peak memory; prints a table and writes
 * bench/results/studio.json. `--sizes 100000,1000000` picks the sizes; `--no-build` reuses dist/; `--no-cli` skips the
 * CLI run beside each size; `--sample-rows N` sets the studio's preview sample size.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs } from '../playwright.config';
import { repoRoot, runCli } from '../src/testing/run-cli';
import { RUN_DEBOUNCE_MS } from '../src/ui/state/run-loop';
import { MemorySampler } from './studio-memory';
import { PageProbe } from './studio-probe';
import { printTable, spread, type StudioFigure } from './studio-report';
import { buildStudio, startPreview, type PreviewServer } from './studio-server';
import { chooseRatingsFile, coldRun, editFormula, flowEngineSeconds, openStudio, runtime, selectDanceability, type EditSample, type Studio } from './studio-steps';

const sizesArg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ??
  (process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1] : undefined);
const sizes = (sizesArg ?? '100000,1000000').split(',').map(Number);
/** `--sample-rows N`: the studio's preview sample size (its default when absent), set in localStorage before load. */
const sampleRowsArg = process.argv.includes('--sample-rows') ? Number(process.argv[process.argv.indexOf('--sample-rows') + 1]) : undefined;
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes wants ratings counts like 100000,1000000, not ${sizesArg}`);
const SAMPLE_RATINGS = 100_000;
const EDITS = 15;
const WARM_UP_EDITS = 1;
const flow = join(repoRoot, 'sample-data', 'flows', 'music-recommendation.flow.json');
const flowDoc = JSON.parse(readFileSync(flow, 'utf8')) as { blocks: unknown[]; edges: { from: { block: string }; to: { block: string } }[] };

/** A block and every block upstream of it. */
function withUpstream(id: string): Set<string> {
  const found = new Set([id]);
  const queue = [id];
  for (let block = queue.pop(); block !== undefined; block = queue.pop()) {
    for (const e of flowDoc.edges) {
      if (e.to.block !== block || found.has(e.from.block)) continue;
      found.add(e.from.block);
      queue.push(e.from.block);
    }
  }
  return found;
}

/** Where the data of a size lives; bigger sizes are generated on first use, as bench/core.ts does. */
function dataDir(ratings: number): string {
  if (ratings === SAMPLE_RATINGS) return join(repoRoot, 'sample-data', 'music');
  const dir = join(repoRoot, 'sample-data', 'generated', `music-${ratings}`);
  if (!existsSync(join(dir, 'ratings.csv'))) {
    console.log(`generating ${ratings.toLocaleString('en-US')} ratings into ${dir} …`);
    execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'scripts', 'gen-data', 'main.ts'), '--ratings', String(ratings)], { stdio: 'inherit' });
  }
  return dir;
}

/** Alternating coefficients, each edit different from the one before (and from the sample's 0.1). */
const expression = (i: number): string => `0.3*valence + 0.1*liveness + 0.${(i % 9) + 1}*energy`;

/** One size in a browser of its own, so that its renderer's peak memory is this size's alone. */
async function inBrowser(browser: Browser, server: PreviewServer, ratings: number): Promise<Omit<StudioFigure, 'cli' | 'browserOverCli'>> {
  try {
    // A new context is a fresh profile: no autosave in IndexedDB, so the sample flow loads on its bundled data.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    if (sampleRowsArg !== undefined) {
      await context.addInitScript((rows) => localStorage.setItem('wrangle.previewSampleRows', String(rows)), sampleRowsArg);
    }
    const page = await context.newPage();
    const probe = await PageProbe.install(page);
    const memory = await MemorySampler.start(browser, page, new URL(server.url).origin);
    const studio: Studio = {
      page,
      probe,
      blocks: flowDoc.blocks.length,
      splitAndUpstream: withUpstream('split'),
      timeoutMs: 60_000 + (ratings / 1e6) * 120_000,
    };
    const loadSampleMs = await openStudio(studio, server.url);
    const chooseFileMs = ratings === SAMPLE_RATINGS ? undefined : await chooseRatingsFile(studio, join(dataDir(ratings), 'ratings.csv'));
    const states = await runtime(page);
    const flowEngine = await flowEngineSeconds(studio);
    if (flowEngine.blocks !== studio.blocks) throw new Error(`only ${flowEngine.blocks} of ${studio.blocks} blocks reported their engine seconds`);
    await selectDanceability(studio);
    const samples: EditSample[] = [];
    let failure: StudioFigure['edits']['failure'];
    for (let i = 1; i <= WARM_UP_EDITS + EDITS && failure === undefined; i++) {
      try {
        const sample = await editFormula(studio, expression(i));
        if (i > WARM_UP_EDITS) samples.push(sample);
      } catch (e) {
        // A failed edit is a finding, not a reason to lose the other figures: the cold run below restarts the engine.
        failure = { edit: i, error: e instanceof Error ? e.message : String(e) };
        console.log(`  edit ${i} failed: ${failure.error.split('\n')[0]}`);
      }
      // A pause between edits, as between a user's changes: the previews' page and profile requests settle.
      await page.waitForTimeout(300);
    }
    const cold = await coldRun(studio);
    const peaks = await memory.stop();
    const tabAlive = (await page.evaluate(() => 1 + 1).catch(() => 0)) === 2;
    const previews = samples.flatMap((s) => (s.toPreviewMs === undefined ? [] : [s.toPreviewMs]));
    return {
      ratings,
      loadSampleMs,
      ...(chooseFileMs === undefined ? {} : { chooseFileMs }),
      timeToInteractiveMs: Math.round((loadSampleMs + (chooseFileMs ?? 0)) * 10) / 10,
      edits: {
        measured: samples.length,
        warmUp: WARM_UP_EDITS,
        ...(failure ? { failure } : {}),
        toSplitFreshMs: spread(samples.map((s) => s.toSplitFreshMs)),
        ...(previews.length > 0 ? { toPreviewMs: spread(previews) } : {}),
        runToSplitFreshMs: spread(samples.map((s) => s.runToSplitFreshMs)),
        debounceMs: spread(samples.map((s) => s.debounceMs)),
        engineMs: spread(samples.map((s) => s.engineMs)),
        engineToSplitMs: spread(samples.map((s) => s.engineToSplitMs)),
        samples,
      },
      flowEngineSeconds: flowEngine.seconds,
      coldRunMs: cold.wallMs,
      ...(cold.failedBlocks ? { coldRunFailed: cold.failedBlocks } : {}),
      browserRows: { ratings: states.ratings?.rows, split: states.split?.rows },
      ...(states.ratings?.sample ? { sample: states.ratings.sample } : {}),
      tabAlive,
      memory: peaks,
    };
  } finally {
    await browser.close();
  }
}

async function viaCli(ratings: number): Promise<NonNullable<StudioFigure['cli']>> {
  const out = mkdtempSync(join(tmpdir(), 'wrangle-bench-'));
  const started = performance.now();
  const r = await runCli(['run', flow, '--data', dataDir(ratings), '--out', out, '--force', '--json', '--format', 'csv']);
  const wallSeconds = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (r.code !== 0) throw new Error(`wrangle run failed at ${ratings} ratings:\n${r.stderr}`);
  const summary = JSON.parse(r.stdout) as { seconds: number; outputs: { file: string; rows: number }[] };
  const rows = (f: string): number => summary.outputs.find((o) => o.file === f)?.rows ?? 0;
  return { seconds: Number(summary.seconds.toFixed(3)), wallSeconds: Number(wallSeconds.toFixed(3)), trainRows: rows('train.csv'), testRows: rows('test.csv') };
}

const startedAt = performance.now();
// Other work on the machine skews every figure here: the load when the bench started goes into the results.
const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)));
if (!process.argv.includes('--no-build')) buildStudio();
for (const ratings of sizes) dataDir(ratings);
const server = await startPreview();
const figures: StudioFigure[] = [];
let chromiumVersion = 'unknown';
try {
  for (const ratings of sizes) {
    console.log(`studio at ${ratings.toLocaleString('en-US')} ratings …`);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
    chromiumVersion = browser.version();
    const studio = await inBrowser(browser, server, ratings);
    if (process.argv.includes('--no-cli')) {
      figures.push(studio);
      continue;
    }
    const cli = await viaCli(ratings);
    if (studio.browserRows.split !== cli.trainRows + cli.testRows) {
      console.log(`  the browser's split has ${studio.browserRows.split} rows, the CLI wrote ${cli.trainRows} + ${cli.testRows}`);
    }
    figures.push({
      ...studio,
      cli,
      browserOverCli: {
        engine: Number((studio.flowEngineSeconds / cli.seconds).toFixed(2)),
        ...(studio.coldRunFailed ? {} : { wall: Number((studio.coldRunMs / 1000 / cli.wallSeconds).toFixed(2)) }),
      },
    });
  }
} finally {
  server.stop();
}

printTable(figures);
const result = {
  benchmark: 'studio: the music workshop flow in headless Chromium on the built app (vite preview)',
  date: new Date().toISOString(),
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion, loadAverageAtStart: loadAtStart },
  target: 'preview after an edit: p50 under 150 ms at 1M ratings (edit → split fresh, debounce included)',
  method: {
    timeToInteractive: 'navigation start (fresh profile) until every block shows data-status="fresh"; above 100k, plus choosing the ratings file (a File from a file input, registered as the missing-input prompt does) until all fresh again',
    edits: `${EDITS} edits of the danceability Expression after ${WARM_UP_EDITS} warm-up, timed from the input event in the page; each edit follows a pause, so its run starts at once (the ${RUN_DEBOUNCE_MS} ms debounce gathers only the edits that follow one within it); debounceMs is the input event until the run started, included in toSplitFreshMs and toPreviewMs, excluded in runToSplitFreshMs, engineToSplitMs and engineMs`,
    flowEngineSeconds: 'each block\'s engine seconds from its last uncached result as the studio received it (at 1M: the ratings side from the run after choosing the file, the tracks side from the first load), summed',
    coldRun: 'engine restarted (killEngine: new worker and DuckDB, files registered again, empty cache) until every block is fresh',
    cli: '`wrangle run <flow> --data <dir> --json --format csv`: its seconds (the flow, with exports written) and the process wall time',
    sample: 'above the preview sample size (the studio default, or --sample-rows) the ratings preview on a seeded sample of that many rows and every block below them computes on it; the CLI runs every row',
    memory: 'peak JS heaps from CDP Runtime.getHeapUsage every 250 ms (page main thread; workers summed: engine worker + duckdb-wasm worker); renderer process VmHWM from /proc (page, workers and duckdb-wasm memory together)',
  },
  figures,
  totalSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
};
mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench', 'results', 'studio.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote bench/results/studio.json (${result.totalSeconds} s)`);
