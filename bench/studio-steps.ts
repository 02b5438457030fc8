/**
 * What the browser bench does in the studio, step by step, as a user would: open it, choose a bigger ratings file,
 * edit the danceability formula, and (for a cold run) restart the engine. Every time is read off the page's clock.
 */
import type { Page } from 'playwright-core';
import type { BlockState } from '../src/worker/engine-api';
import type { StudioTestHooks } from '../src/ui/main';
import { allFresh, type ComputedResult, type PageProbe, type ProbeEntry } from './studio-probe';

interface Hooked {
  __wrangle: StudioTestHooks;
}

export interface Studio {
  page: Page;
  probe: PageProbe;
  /** Blocks in the sample flow: all of them must be fresh. */
  blocks: number;
  /** The split block and every block upstream of it. */
  splitAndUpstream: ReadonlySet<string>;
  /** Longest wait for one step, scaled to the data. */
  timeoutMs: number;
}

/** Milliseconds, rounded to a tenth. */
const ms = (v: number): number => Math.round(v * 10) / 10;

export function runtime(page: Page): Promise<Record<string, BlockState>> {
  return page.evaluate(() => (window as unknown as Hooked).__wrangle.getRuntime());
}

/** Milliseconds of engine time over computed results, all of them or only those of the given blocks. */
function engineMs(results: Map<string, ComputedResult>, only?: ReadonlySet<string>): number {
  let seconds = 0;
  for (const r of results.values()) if (!only || only.has(r.blockId)) seconds += r.seconds;
  return ms(seconds * 1000);
}

/**
 * The engine's seconds for the whole flow on the data now loaded: each block's last computed (uncached) result, so
 * at 1M the ratings side comes from the run after the file was chosen and the tracks side from the first load.
 */
export async function flowEngineSeconds(studio: Studio): Promise<{ seconds: number; blocks: number }> {
  const results = await studio.probe.computed();
  return { seconds: Math.round(engineMs(results)) / 1000, blocks: results.size };
}

/** Waits for a change that first makes some block non-fresh after `t0`, then for every block to be fresh again. */
async function untilFreshAgain(studio: Studio, t0: number, what: string): Promise<ProbeEntry> {
  const { probe, blocks, timeoutMs } = studio;
  const stale = await probe.waitFor((e) => !allFresh(e, blocks), t0, 30_000, `blocks to go stale (${what})`);
  return probe.waitFor((e) => allFresh(e, blocks), stale.t, timeoutMs, `every block fresh (${what})`);
}

/** Every block has an answer: fresh, failed, or blocked by a failure upstream. */
const settled = (e: ProbeEntry, blocks: number): boolean => {
  const statuses = Object.values(e.st);
  return statuses.length >= blocks && statuses.every((s) => s === 'fresh' || s === 'error' || s === 'blocked');
};

/**
 * Like untilFreshAgain, but a run that ends with failed blocks counts as over too: the failures are returned (as
 * `block: code: message`) rather than thrown, so the timings taken before them are kept.
 */
async function untilSettled(studio: Studio, t0: number, what: string): Promise<{ entry: ProbeEntry; failed: string[] }> {
  const { probe, blocks, timeoutMs } = studio;
  const stale = await probe.waitFor((e) => !allFresh(e, blocks), t0, 30_000, `blocks to go stale (${what})`, false);
  const entry = await probe.waitFor((e) => settled(e, blocks), stale.t, timeoutMs, `every block fresh or failed (${what})`, false);
  const failedIds = Object.entries(entry.st).flatMap(([id, s]) => (s === 'error' ? [id] : []));
  return { entry, failed: failedIds.length > 0 ? await probe.errors(failedIds) : [] };
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
  /** Sum of the engine's `seconds` over the blocks the run recomputed, exports after the split included. */
  engineMs: number;
  /** The same, over the split and the blocks before it only: the engine's part of toSplitFreshMs. */
  engineToSplitMs: number;
  /** Engine ms of each recomputed block, to see where the time goes. */
  blockMs: Record<string, number>;
  computedBlocks: number;
  /** Blocks after the split that failed in this run (`block: code: message`), if any. */
  failedBlocks?: string[];
}

/** Selects the danceability formula and waits for its preview rows. */
export async function selectDanceability(studio: Studio): Promise<void> {
  const { page, probe } = studio;
  const since = await probe.now();
  await page.getByTestId('block-danceability').click();
  await page.getByLabel('Expression').waitFor();
  await probe.waitFor((e) => e.firstRow !== null && !e.recomputing && /rows?$/.test(e.rowCount ?? ''), since, studio.timeoutMs, 'the danceability preview');
}

/**
 * One edit of the formula's Expression, timed until the split and the preview are fresh. Blocks failing after the
 * split (the exports) are reported with the sample; a failure up to the split ends the edits.
 */
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
  const done = await untilSettled(studio, t0, 'after the edit');
  const results = await probe.computed(t0, done.entry.t);
  return {
    expression,
    toSplitFreshMs: ms(split.t - t0),
    ...(preview ? { toPreviewMs: ms(preview.t - t0) } : {}),
    runToSplitFreshMs: ms(split.t - runStart),
    debounceMs: ms(runStart - t0),
    engineMs: engineMs(results),
    engineToSplitMs: engineMs(results, studio.splitAndUpstream),
    blockMs: Object.fromEntries([...results.values()].map((r) => [r.blockId, ms(r.seconds * 1000)])),
    computedBlocks: results.size,
    ...(done.failed.length > 0 ? { failedBlocks: done.failed } : {}),
  };
}

/**
 * A cold run of the whole flow: the engine restarted as after a crash (a new worker and DuckDB, the files registered
 * again, an empty cache), timed until every block has an answer. Its engine seconds cannot be read here: the engine
 * client re-runs the flow itself after a restart, without streaming block states, and the run the store starts then
 * reports every block as cached.
 */
export async function coldRun(studio: Studio): Promise<{ wallMs: number; failedBlocks?: string[] }> {
  const t0 = await studio.page.evaluate(() => {
    const t = performance.now();
    void (window as unknown as Hooked).__wrangle.killEngine();
    return t;
  });
  const done = await untilSettled(studio, t0, 'after the engine restart');
  return { wallMs: ms(done.entry.t - t0), ...(done.failed.length > 0 ? { failedBlocks: done.failed } : {}) };
}
