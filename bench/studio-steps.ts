/**
 * What the browser bench does in the studio, step by step, as a user would: open it, choose a bigger ratings file,
 * edit the danceability formula, and (for a cold run) restart the engine. Every time is read off the page's clock.
 */
import type { Page } from 'playwright-core';
import type { BlockState } from '../src/worker/engine-api';
import type { StudioTestHooks } from '../src/ui/main';
import { allFresh, type PageProbe, type ProbeEntry } from './studio-probe';

interface Hooked {
  __wrangle: StudioTestHooks;
}

export interface Studio {
  page: Page;
  probe: PageProbe;
  /** Blocks in the sample flow: all of them must be fresh. */
  blocks: number;
  /** Longest wait for one step, scaled to the data. */
  timeoutMs: number;
}

/** Milliseconds, rounded to a tenth. */
const ms = (v: number): number => Math.round(v * 10) / 10;

export function runtime(page: Page): Promise<Record<string, BlockState>> {
  return page.evaluate(() => (window as unknown as Hooked).__wrangle.getRuntime());
}

/** Engine seconds of the blocks a run computed (cached ones cost nothing), from the runtime the store keeps. */
export function computedSeconds(states: Record<string, BlockState>): { seconds: number; computed: number } {
  const computed = Object.values(states).filter((s) => s.cached !== true && s.seconds !== undefined);
  return { seconds: computed.reduce((sum, s) => sum + (s.seconds ?? 0), 0), computed: computed.length };
}

/** Waits for a change that first makes some block non-fresh after `t0`, then for every block to be fresh again. */
async function untilFreshAgain(studio: Studio, t0: number, what: string): Promise<ProbeEntry> {
  const { probe, blocks, timeoutMs } = studio;
  const stale = await probe.waitFor((e) => !allFresh(e, blocks), t0, 30_000, `blocks to go stale (${what})`);
  return probe.waitFor((e) => allFresh(e, blocks), stale.t, timeoutMs, `every block fresh (${what})`);
}

/** Time to interactive: from navigation start (a fresh profile, so the sample flow loads) until every block is fresh. */
export async function openStudio(studio: Studio, url: string): Promise<number> {
  await studio.page.goto(url);
  const fresh = await studio.probe.waitFor((e) => allFresh(e, studio.blocks), 0, studio.timeoutMs, 'every block fresh after load');
  return ms(fresh.t);
}

/**
 * Replaces the ratings input with a file from disk, the way the missing-input prompt does: a File picked in a file
 * input (Playwright hands Chromium the path; nothing is copied through the protocol), then `registerInputFile`.
 * Returns the time from the file being chosen until every block is fresh again.
 */
export async function chooseRatingsFile(studio: Studio, path: string): Promise<number> {
  const { page } = studio;
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'wrangle-bench-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#wrangle-bench-file', path);
  const t0 = await page.evaluate(() => {
    const file = (document.getElementById('wrangle-bench-file') as HTMLInputElement).files?.[0];
    if (!file) throw new Error('no file was chosen');
    const t = performance.now();
    void (window as unknown as Hooked).__wrangle.actions.registerInputFile('ratings', file);
    return t;
  });
  const fresh = await untilFreshAgain(studio, t0, 'after choosing the ratings file');
  return ms(fresh.t - t0);
}

export interface EditSample {
  expression: string;
  /** Edit (its input event) until the split block's badge is fresh with its row count: what the user waits for. */
  toSplitFreshMs: number;
  /** Edit until the edited block's preview shows its new rows (not dimmed, first row changed). */
  toPreviewMs?: number;
  /** From the run starting (blocks turn `running`, after the debounce) until the split block is fresh. */
  runToSplitFreshMs: number;
  /** Edit until the run started: the debounce plus scheduling. */
  debounceMs: number;
  /** Sum of the engine's `seconds` over the blocks the run recomputed. */
  engineMs: number;
  computedBlocks: number;
}

/** Selects the danceability formula and waits for its preview rows. */
export async function selectDanceability(studio: Studio): Promise<void> {
  const { page, probe } = studio;
  const since = await probe.now();
  await page.getByTestId('block-danceability').click();
  await page.getByLabel('Expression').waitFor();
  await probe.waitFor((e) => e.firstRow !== null && !e.recomputing && /rows?$/.test(e.rowCount ?? ''), since, studio.timeoutMs, 'the danceability preview');
}

/** One edit of the formula's Expression, timed until the split and the preview are fresh. */
export async function editFormula(studio: Studio, expression: string): Promise<EditSample> {
  const { page, probe, timeoutMs } = studio;
  await page.getByLabel('Expression').fill(expression);
  const t0 = await probe.lastInput();
  if (t0 === undefined) throw new Error('the edit fired no input event');
  const stale = await probe.waitFor((e) => e.st.split !== 'fresh', t0, 30_000, 'the split to go stale');
  const split = await probe.waitFor((e) => e.st.split === 'fresh', stale.t, timeoutMs, 'the split to be fresh');
  // The run starts when the debounce fires; a run too quick to render `running` is timed from its result.
  const started = await probe.maybe((e) => Object.values(e.st).includes('running'), t0, 0);
  const runStart = started !== undefined && started.t <= split.t ? started.t : split.t;
  const rowsBefore = probe.shownAt(t0)?.firstRow;
  const preview = await probe.maybe(
    (e) => !e.recomputing && e.st.danceability === 'fresh' && e.firstRow !== null && e.firstRow !== rowsBefore && /rows?$/.test(e.rowCount ?? ''),
    stale.t,
    timeoutMs,
  );
  await untilFreshAgain(studio, t0, 'after the edit');
  const engine = computedSeconds(await runtime(page));
  return {
    expression,
    toSplitFreshMs: ms(split.t - t0),
    ...(preview ? { toPreviewMs: ms(preview.t - t0) } : {}),
    runToSplitFreshMs: ms(split.t - runStart),
    debounceMs: ms(runStart - t0),
    engineMs: ms(engine.seconds * 1000),
    computedBlocks: engine.computed,
  };
}

export interface ColdRun {
  /** Engine restart (new worker, new DuckDB, files registered again, empty cache) until every block is fresh. */
  wallMs: number;
  /** Sum of every block's engine `seconds` in that run. */
  engineSeconds: number;
  computedBlocks: number;
}

/** A cold run of the whole flow: the engine is restarted as after a crash, so nothing comes from its cache. */
export async function coldRun(studio: Studio): Promise<ColdRun> {
  const { page } = studio;
  const t0 = await page.evaluate(() => {
    const t = performance.now();
    void (window as unknown as Hooked).__wrangle.killEngine();
    return t;
  });
  const fresh = await untilFreshAgain(studio, t0, 'after the engine restart');
  const engine = computedSeconds(await runtime(page));
  return { wallMs: ms(fresh.t - t0), engineSeconds: Math.round(engine.seconds * 1000) / 1000, computedBlocks: engine.computed };
}
