/**
 * Timing from inside the page. An init script watches the DOM with a MutationObserver and logs, with
 * `performance.now()`, every change in what the user sees: each block's `data-status`, the preview's row count,
 * whether it is dimmed as recomputing, and its first row. Edits are timed from their `input` event. Timestamps are
 * taken in the page, so polling from Node adds nothing to the figures.
 */
import type { Page } from 'playwright-core';

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

/** The page side, written as a plain script: tsx's name-keeping helpers must not leak into a serialized function. */
export const PROBE_SCRIPT = `(() => {
  const probe = { log: [], inputs: [] };
  window.__wrangleBench = probe;
  let last = '';
  const check = () => {
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

interface Probed {
  __wrangleBench: { log: ProbeEntry[]; inputs: number[] };
}

export const allFresh = (e: ProbeEntry, blocks: number): boolean => {
  const statuses = Object.values(e.st);
  return statuses.length >= blocks && statuses.every((s) => s === 'fresh');
};

/** Node's view of the page's log, read in increments. */
export class PageProbe {
  private readonly entries: ProbeEntry[] = [];

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
    const more = await this.page.evaluate((n) => (window as unknown as Probed).__wrangleBench.log.slice(n), this.entries.length);
    this.entries.push(...more);
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

  /** The first entry at or after `since` that satisfies `test`, polling until `timeoutMs` has passed. */
  async waitFor(test: (e: ProbeEntry) => boolean, since: number, timeoutMs: number, what: string): Promise<ProbeEntry> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.sync();
      const hit = this.entries.find((e) => e.t >= since && test(e));
      if (hit) return hit;
      // A failed block never turns fresh: say so now rather than at the timeout.
      const failed = Object.entries(this.entries.at(-1)?.st ?? {}).filter(([, s]) => s === 'error');
      if (failed.length > 0) throw new Error(`waiting for ${what}, blocks failed: ${failed.map(([id]) => id).join(', ')}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
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
