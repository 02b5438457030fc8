/**
 * Timing from inside the page. An init script watches the DOM with a MutationObserver and logs, with
 * `performance.now()`, every change in what the user sees: each block's `data-status`, the preview's row count,
 * whether it is dimmed as recomputing, and its first row. Edits are timed from their `input` event. Timestamps are
 * taken in the page, so polling from Node adds nothing to the figures.
 *
 * It also logs each block result the engine computed (not cached), with its `seconds`, from the store's runtime as
 * the canvas renders it: the last runtime alone can hide them, since a later run may answer every block from cache.
 */
import type { Page } from 'playwright-core';
import type { StudioTestHooks } from '../src/ui/main';

/** One change of what the page shows. */
export interface ProbeEntry {
  /** ms since the page's navigation started. */
  t: number;
  /** data-status by block id, as the canvas shows it. */
  st: Record<string, string>;
  rowCount: string | null;
  recomputing: boolean;
  firstRow: string | null;
}

/** A block result the engine computed rather than took from its cache. */
export interface ComputedResult {
  t: number;
  blockId: string;
  seconds: number;
  rows?: number;
}

/** The page side, written as a plain script: tsx's name-keeping helpers must not leak into a serialized function. */
export const PROBE_SCRIPT = `(() => {
  const probe = { log: [], inputs: [], computed: [] };
  window.__wrangleBench = probe;
  let last = '';
  const seen = {};
  const noteComputed = () => {
    const runtime = window.__wrangle ? window.__wrangle.getRuntime() : {};
    for (const [blockId, s] of Object.entries(runtime)) {
      if (s.status !== 'fresh' || s.cached || s.seconds === undefined) continue;
      const key = s.seconds + '/' + s.rows;
      if (seen[blockId] === key) continue;
      seen[blockId] = key;
      probe.computed.push({ t: performance.now(), blockId, seconds: s.seconds, rows: s.rows });
    }
  };
  const check = () => {
    noteComputed();
    const st = {};
    for (const node of document.querySelectorAll('.block-node[data-testid^="block-"]')) {
      st[node.getAttribute('data-testid').slice('block-'.length)] = node.getAttribute('data-status');
    }
    const count = document.querySelector('[data-testid="preview-row-count"]');
    const row = document.querySelector('[data-testid="preview-table"] tbody tr:not(.preview-tr--loading)');
    const entry = {
      st,
      rowCount: count ? count.textContent : null,
      recomputing: document.querySelector('.preview-recomputing') !== null,
      firstRow: row ? row.textContent : null,
    };
    const key = JSON.stringify(entry);
    if (key !== last) {
      last = key;
      entry.t = performance.now();
      probe.log.push(entry);
    }
  };
  document.addEventListener('input', () => probe.inputs.push(performance.now()), true);
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-status', 'class'],
  });
})();`;

interface Hooked {
  __wrangle: StudioTestHooks;
}

interface Probed {
  __wrangleBench: { log: ProbeEntry[]; inputs: number[]; computed: ComputedResult[] };
}

export const allFresh = (e: ProbeEntry, blocks: number): boolean => {
  const statuses = Object.values(e.st);
  return statuses.length >= blocks && statuses.every((s) => s === 'fresh');
};

/** Node's view of the page's log, read in increments. */
export class PageProbe {
  private readonly entries: ProbeEntry[] = [];
  private readonly results: ComputedResult[] = [];

  constructor(private readonly page: Page) {}

  static async install(page: Page): Promise<PageProbe> {
    await page.addInitScript({ content: PROBE_SCRIPT });
    return new PageProbe(page);
  }

  /** The page's clock now. */
  now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  /** When the last `input` event fired (an edit), on the page's clock. */
  async lastInput(): Promise<number | undefined> {
    return this.page.evaluate(() => (window as unknown as Probed).__wrangleBench.inputs.at(-1));
  }

  private async sync(): Promise<void> {
    const [entries, results] = await this.page.evaluate(
      ([e, r]) => [(window as unknown as Probed).__wrangleBench.log.slice(e), (window as unknown as Probed).__wrangleBench.computed.slice(r)] as const,
      [this.entries.length, this.results.length] as const,
    );
    this.entries.push(...entries);
    this.results.push(...results);
  }

  /** Each block's last computed result in the time range (all of them by default), by block id. */
  async computed(from = 0, to = Number.POSITIVE_INFINITY): Promise<Map<string, ComputedResult>> {
    await this.sync();
    return new Map(this.results.filter((r) => r.t >= from && r.t <= to).map((r) => [r.blockId, r]));
  }

  /** What the page showed last at or before time `t` (undefined before the first entry). */
  shownAt(t: number): ProbeEntry | undefined {
    let shown: ProbeEntry | undefined;
    for (const e of this.entries) {
      if (e.t > t) break;
      shown = e;
    }
    return shown;
  }

  /**
   * The first entry at or after `since` that satisfies `test`, polling until `timeoutMs` has passed. A block failing
   * meanwhile ends the wait with its error, unless `failOnError` is false.
   */
  async waitFor(test: (e: ProbeEntry) => boolean, since: number, timeoutMs: number, what: string, failOnError = true): Promise<ProbeEntry> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.sync();
      const hit = this.entries.find((e) => e.t >= since && test(e));
      if (hit) return hit;
      // A failed block never turns fresh: say so now rather than at the timeout.
      const last = this.entries.at(-1);
      const failed = failOnError && last && last.t >= since ? Object.entries(last.st).filter(([, s]) => s === 'error') : [];
      if (failed.length > 0) throw new Error(`waiting for ${what}, blocks failed: ${(await this.errors(failed.map(([id]) => id))).join('; ')}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The failed blocks' codes and messages (first lines), from the studio's runtime. */
  errors(ids: readonly string[]): Promise<string[]> {
    return this.page.evaluate(
      (failed) => {
        const states = (window as unknown as Hooked).__wrangle.getRuntime();
        return failed.map((id) => `${id}: ${states[id]?.error?.code ?? '?'}: ${(states[id]?.error?.message ?? '').split('\n')[0]}`);
      },
      ids,
    );
  }

  /** Like waitFor, but gives up quietly (undefined) after `timeoutMs`. */
  async maybe(test: (e: ProbeEntry) => boolean, since: number, timeoutMs: number): Promise<ProbeEntry | undefined> {
    try {
      return await this.waitFor(test, since, timeoutMs, '');
    } catch {
      return undefined;
    }
  }
}
