/**
 * Peak memory while the studio works, sampled over CDP and /proc:
 * - the page's JS heap (main thread) and the JS heaps of its workers (the engine worker and duckdb-wasm's own worker),
 *   from `Runtime.getHeapUsage` in each;
 * - the renderer process's peak RSS (`VmHWM`), which holds the page, its workers and duckdb-wasm's linear memory
 *   together. The wasm memory lives outside every JS heap and cannot be read on its own here: looking its
 *   `WebAssembly.Memory` up over CDP (`Runtime.evaluate` + `Runtime.queryObjects` in duckdb-wasm's worker) crashed the
 *   renderer (Chromium 156).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';

const MiB = 2 ** 20;

export interface MemoryPeaks {
  pageHeapMiB: number;
  workersHeapMiB: number;
  /** Undefined where /proc cannot be read (not Linux). */
  rendererPeakRssMiB?: number;
}

interface WorkerSession {
  sessionId: string;
}

interface CdpReply {
  id: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** Renderer processes started (indirectly) by this Node process, by pid. */
function rendererPids(): number[] {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  for (const pid of entries) {
    try {
      // The command name may hold spaces and parentheses; the parent pid follows the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Exited meanwhile.
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...parents.keys()].filter((pid) => {
    try {
      return descends(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

function peakRssKiB(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export class MemorySampler {
  private readonly workers = new Map<string, WorkerSession>();
  private readonly replies = new Map<number, (reply: CdpReply) => void>();
  private nextId = 1;
  private peaks = { page: 0, workers: 0 };
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  private constructor(
    private readonly browserSession: CDPSession,
    private readonly pageSession: CDPSession,
    private readonly origin: string,
  ) {
    browserSession.on('Target.receivedMessageFromTarget', (ev) => {
      const reply = JSON.parse(ev.message) as CdpReply;
      this.replies.get(reply.id)?.(reply);
      this.replies.delete(reply.id);
    });
  }

  /** Starts sampling every `intervalMs`. */
  static async start(browser: Browser, page: Page, origin: string, intervalMs = 250): Promise<MemorySampler> {
    const sampler = new MemorySampler(await browser.newBrowserCDPSession(), await page.context().newCDPSession(page), origin);
    sampler.timer = setInterval(() => void sampler.tick(), intervalMs);
    return sampler;
  }

  /** A CDP call inside a worker, through the browser session (Playwright's own sessions do not reach workers). */
  private inWorker(w: WorkerSession, method: string, params: Record<string, unknown> = {}): Promise<CdpReply> {
    const id = this.nextId++;
    const reply = new Promise<CdpReply>((resolve) => this.replies.set(id, resolve));
    void this.browserSession
      .send('Target.sendMessageToTarget', { sessionId: w.sessionId, message: JSON.stringify({ id, method, params }) })
      .catch(() => this.replies.get(id)?.({ id, error: { message: 'worker gone' } }));
    // A worker terminated mid-call never answers; its reply stops being awaited, and never holds the process open.
    const timeout = new Promise<CdpReply>((resolve) => {
      setTimeout(() => {
        this.replies.delete(id);
        resolve({ id, error: { message: 'no reply' } });
      }, 5000).unref();
    });
    return Promise.race([reply, timeout]);
  }

  private async attachWorkers(): Promise<void> {
    const { targetInfos } = await this.browserSession.send('Target.getTargets');
    const live = targetInfos.filter((t) => t.type === 'worker' && t.url.startsWith(this.origin));
    for (const id of this.workers.keys()) if (!live.some((t) => t.targetId === id)) this.workers.delete(id);
    for (const t of live) {
      if (this.workers.has(t.targetId)) continue;
      const { sessionId } = await this.browserSession.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      this.workers.set(t.targetId, { sessionId });
    }
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const page = (await this.pageSession.send('Runtime.getHeapUsage')).usedSize;
      this.peaks.page = Math.max(this.peaks.page, page);
      await this.attachWorkers();
      let heaps = 0;
      for (const w of this.workers.values()) {
        const usage = await this.inWorker(w, 'Runtime.getHeapUsage');
        heaps += (usage.result?.usedSize as number | undefined) ?? 0;
      }
      this.peaks.workers = Math.max(this.peaks.workers, heaps);
    } catch {
      // A page or worker closing mid-sample: the next tick samples what is left.
    } finally {
      this.busy = false;
    }
  }

  /** One last sample, then the peaks. Call before the page closes: the renderer's peak RSS dies with it. */
  async stop(): Promise<MemoryPeaks> {
    if (this.timer !== undefined) clearInterval(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 20));
    await this.tick();
    const renderers = rendererPids();
    const rss = renderers.length === 0 ? undefined : Math.max(...renderers.map((pid) => peakRssKiB(pid))) / 1024;
    const mib = (bytes: number): number => Math.round(bytes / MiB);
    return {
      pageHeapMiB: mib(this.peaks.page),
      workersHeapMiB: mib(this.peaks.workers),
      ...(rss === undefined ? {} : { rendererPeakRssMiB: Math.round(rss) }),
    };
  }
}
