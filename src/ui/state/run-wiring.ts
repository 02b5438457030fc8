/**
 * The studio's link to the engine: the client once it is attached, and the run loop that re-runs the flow after each
 * change. Before an engine is attached, changes run nothing; the first run comes from `runAll` after start-up.
 */
import type { FlowDocument } from '../../engine/flow/schema';
import type { EngineClient } from '../../worker/engine-api';
import { affectedBlocks } from './run-state';
import { RunLoop, RUN_DEBOUNCE_MS, type RunHost } from './run-loop';

export class RunWiring {
  private client: EngineClient | undefined;
  private loop: RunLoop | undefined;
  private resolveAttached!: (client: EngineClient) => void;
  /** The engine once it is attached: a file chosen while the studio starts waits for it rather than failing. */
  readonly attached: Promise<EngineClient> = new Promise((resolve) => (this.resolveAttached = resolve));

  constructor(private readonly debounceMs = RUN_DEBOUNCE_MS) {}

  /** Connects an engine (again, after a rebuild): from now on every change re-runs the flow through `host`. */
  attach(client: EngineClient, host: RunHost): void {
    this.loop?.dispose();
    this.client = client;
    this.loop = new RunLoop(client, host, this.debounceMs);
    this.resolveAttached(client);
  }

  engine(): EngineClient | undefined {
    return this.client;
  }

  /** The run loop, once an engine is attached: training cancels and re-runs go through it. */
  runLoop(): RunLoop | undefined {
    return this.loop;
  }

  /** Re-runs what changed; `leading` for the user's own edits, which start a run at once when nothing else is under way. */
  rerun(prev: FlowDocument, next: FlowDocument, { changedInputs = [], leading = false }: { changedInputs?: readonly string[]; leading?: boolean } = {}): void {
    if (!this.loop) return;
    const affected = affectedBlocks(prev, next, changedInputs);
    if (affected.size > 0) this.loop.schedule(affected, { leading });
  }

  /** Runs every block of the document (after start-up, once its files are registered). */
  runAll(doc: FlowDocument): void {
    this.loop?.schedule(doc.blocks.map((b) => b.id));
  }

  /** The newest run id (the latest started or waiting), for tests and the e2e hooks. */
  latestRunId(): number {
    return this.loop?.latest ?? 0;
  }

  dispose(): void {
    this.loop?.dispose();
  }
}
