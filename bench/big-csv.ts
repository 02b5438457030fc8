/**
 * `npm run bench` (last step): importing a generated CSV of about 1 GiB, in the CLI and in the studio, where the file
 * is registered by handle as a dropped file is (never copied into the page). The flow imports it and aggregates every
 * row; the studio must survive, and the import's preview must appear within 10 s. Prints the figures and writes
 * bench/results/big-csv.json. `--no-build` reuses dist/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs } from '../playwright.config';
import { repoRoot, runCli } from '../src/testing/run-cli';
import { BIG_CSV_BYTES, ensureBigCsv } from './big-csv/generate';
import { MemorySampler } from './studio-memory';
import { buildStudio, startPreview } from './studio-server';

const csvPath = join(repoRoot, 'sample-data', 'generated', 'big-csv', 'events.csv');
/** Import every row, then summarise them per country: every byte of the file is read. */
const flow = {
  format: 'wrangle-flow',
  version: 1,
  name: 'Big CSV import',
  blocks: [
    { id: 'events', kind: 'import', params: { input: 'events', file: 'events.csv', format: 'csv' } },
    {
      id: 'by_country',
      kind: 'aggregate',
      params: {
        groupBy: ['country'],
        aggregations: [
          { column: '*', fn: 'count', as: 'events' },
          { column: 'rating', fn: 'avg', as: 'avg_rating' },
          { column: 'quantity', fn: 'sum', as: 'items' },
        ],
      },
    },
    { id: 'export', kind: 'export', params: { file: 'by_country.csv' } },
  ],
  edges: [
    { from: { block: 'events', port: 'out' }, to: { block: 'by_country', port: 'in' } },
    { from: { block: 'by_country', port: 'out' }, to: { block: 'export', port: 'in' } },
  ],
};
const PREVIEW_TARGET_MS = 10_000;
const MiB = 2 ** 20;

interface CliFigure {
  seconds: number;
  wallSeconds: number;
  megabytesPerSecond: number;
  peakMemoryMiB: number;
  countries: number;
}

async function viaCli(flowPath: string, bytes: number): Promise<CliFigure> {
  const out = mkdtempSync(join(tmpdir(), 'wrangle-big-csv-'));
  try {
    const started = performance.now();
    const r = await runCli(['run', flowPath, '--input', `events=${csvPath}`, '--out', out, '--force', '--json']);
    const wallSeconds = (performance.now() - started) / 1000;
    if (r.code !== 0) throw new Error(`wrangle run failed on the big CSV:\n${r.stderr}`);
    const summary = JSON.parse(r.stdout) as { seconds: number; peakMemoryMiB: number; outputs: { file: string; rows: number }[] };
    return {
      seconds: Number(summary.seconds.toFixed(2)),
      wallSeconds: Number(wallSeconds.toFixed(2)),
      megabytesPerSecond: Math.round(bytes / MiB / summary.seconds),
      peakMemoryMiB: summary.peakMemoryMiB,
      countries: summary.outputs.find((o) => o.file === 'by_country.csv')?.rows ?? 0,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

interface BrowserFigure {
  /** From handing the file to the studio until the import's first rows are on screen. */
  previewMs?: number;
  /** Until the aggregate over every row is fresh. */
  allFreshMs?: number;
  rowsCounted?: number;
  /** Reading the file again (numbered rows), Stop after 2 s: from the click until the import shows it stopped. */
  stopMs?: number;
  survived: boolean;
  failure?: string;
  memory?: Awaited<ReturnType<MemorySampler['stop']>>;
}

interface Hooked {
  __wrangle: {
    actions: {
      load(doc: unknown): void;
      select(ids: string[]): void;
      registerInputFile(name: string, file: File): Promise<void>;
      updateParams(blockId: string, params: unknown): void;
    };
    getRuntime(): Record<string, { status: string; rows?: number; error?: { code: string; message: string } }>;
  };
}

/** Makes the import read the whole file again, presses Stop two seconds in, and times it until the block says so. */
async function stopALongRead(page: Page): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as Hooked).__wrangle.actions.updateParams('events', { input: 'events', file: 'events.csv', format: 'csv', rowNumber: 'line' });
  });
  const stop = page.getByRole('button', { name: 'Stop', exact: true });
  await stop.waitFor({ timeout: 60_000 });
  await page.waitForTimeout(2000);
  const t0 = await page.evaluate(() => performance.now());
  await stop.click();
  await page.getByTestId('block-events').and(page.locator('[data-status="cancelled"]')).waitFor({ timeout: 60_000 });
  return Math.round((await page.evaluate(() => performance.now())) - t0);
}

async function inBrowser(url: string): Promise<BrowserFigure> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  let crashed = false;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('crash', () => (crashed = true));
    const memory = await MemorySampler.start(browser, page, new URL(url).origin);
    await page.goto(url);
    await page.getByTestId('block-danceability').waitFor({ timeout: 120_000 });
    await page.evaluate((doc) => {
      const hooks = (window as unknown as Hooked).__wrangle;
      hooks.actions.load(doc);
      hooks.actions.select(['events']);
    }, flow);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'wrangle-bench-big-file';
      input.hidden = true;
      document.body.append(input);
    });
    // A local file input hands the page a File backed by the file on disk: the studio registers that handle.
    await page.setInputFiles('#wrangle-bench-big-file', csvPath);
    const t0 = await page.evaluate(() => {
      const file = (document.getElementById('wrangle-bench-big-file') as HTMLInputElement).files?.[0];
      if (!file) throw new Error('no file was chosen');
      void (window as unknown as Hooked).__wrangle.actions.registerInputFile('events', file);
      return performance.now();
    });
    const figure: BrowserFigure = { survived: false };
    try {
      await page.locator('[data-testid="preview-row-count"]').filter({ hasText: /[1-9]/ }).waitFor({ timeout: 300_000 });
      figure.previewMs = Math.round((await page.evaluate(() => performance.now())) - t0);
      await page.waitForFunction(
        () => {
          const st = (window as unknown as Hooked).__wrangle.getRuntime().by_country?.status;
          return st === 'fresh' || st === 'error';
        },
        undefined,
        { timeout: 600_000, polling: 250 },
      );
      figure.allFreshMs = Math.round((await page.evaluate(() => performance.now())) - t0);
      const states = await page.evaluate(() => (window as unknown as Hooked).__wrangle.getRuntime());
      if (states.by_country?.status === 'error') figure.failure = `${states.by_country.error?.code}: ${states.by_country.error?.message}`;
      figure.rowsCounted = states.events?.rows;
      figure.stopMs = await stopALongRead(page);
    } catch (e) {
      figure.failure = crashed ? 'the tab crashed' : e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    figure.survived = !crashed && (await page.evaluate(() => 1 + 1).catch(() => 0)) === 2;
    figure.memory = await memory.stop().catch(() => undefined);
    return figure;
  } finally {
    await browser.close();
  }
}

const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)));
const file = ensureBigCsv(csvPath, BIG_CSV_BYTES);
const flowDir = mkdtempSync(join(tmpdir(), 'wrangle-big-flow-'));
const flowPath = join(flowDir, 'big-csv.flow.json');
writeFileSync(flowPath, JSON.stringify(flow, null, 2));
console.log(`\nbig CSV: ${(file.bytes / MiB).toFixed(0)} MiB, ${file.rows.toLocaleString('en-US')} rows`);
const cli = await viaCli(flowPath, file.bytes);
console.log(`  CLI: ${cli.seconds} s (${cli.megabytesPerSecond} MiB/s), peak ${cli.peakMemoryMiB} MiB, ${cli.countries} countries`);
if (!process.argv.includes('--no-build')) buildStudio();
const server = await startPreview();
let browser: BrowserFigure;
try {
  browser = await inBrowser(server.url);
} finally {
  server.stop();
  rmSync(flowDir, { recursive: true, force: true });
}
const previewWithinTarget = browser.previewMs !== undefined && browser.previewMs <= PREVIEW_TARGET_MS;
console.log(
  `  studio: preview after ${browser.previewMs ?? '—'} ms (target ${PREVIEW_TARGET_MS} ms: ${previewWithinTarget ? 'met' : 'NOT met'}), ` +
    `all rows aggregated after ${browser.allFreshMs ?? '—'} ms, Stop took effect after ${browser.stopMs ?? '—'} ms (target 1,000 ms), ` +
    `tab ${browser.survived ? 'survived' : 'did NOT survive'}` +
    (browser.memory?.rendererPeakRssMiB ? `, renderer peak ${browser.memory.rendererPeakRssMiB} MiB` : '') +
    (browser.failure ? `\n  failure: ${browser.failure}` : ''),
);
const result = {
  benchmark: 'big CSV: importing a generated CSV of about 1 GiB and aggregating every row, in the CLI and in the studio (file registered by handle)',
  date: new Date().toISOString(),
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: loadAtStart },
  file: { bytes: file.bytes, rows: file.rows },
  target: `the tab survives, the import's preview appears within ${PREVIEW_TARGET_MS / 1000} s, and Stop takes effect within 1 s`,
  cli,
  studio: { ...browser, previewWithinTarget },
};
writeFileSync(join(repoRoot, 'bench', 'results', 'big-csv.json'), `${JSON.stringify(result, null, 2)}\n`);
if (!browser.survived || browser.failure) process.exitCode = 1;
