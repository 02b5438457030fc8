/**
 * Keeps previews in step with the document: each edit marks the blocks it touches stale and runs the whole flow
 * again (the engine recomputes only blocks whose content hash changed). An edit made while the loop is idle runs at
 * once; edits that follow within the debounce are coalesced into one run when they pause. Every run gets a new id,
 * and states from any run but the latest are dropped.
 */
import type { FlowDocument } from '../../engine/flow/schema';
import type { BlockState, EngineClient, EngineRestartReason, RunFlowResult, TrainingEvent } from '../../worker/engine-api';
import { acceptBlockState, acceptRunResult, markRunning, markStale, markStopped, runAgainSet, stoppedBlocks, type Runtime } from './run-state';
import type { NoticeKind } from './store-types';
import { applyTrainingEvent, heldTraining, markCancelling, settleCancelling, trainingForRun, type LiveTrainings } from './training-state';

/** What the run loop needs from the store. */
export interface RunHost {
  getDoc(): FlowDocument;
  getRuntime(): Runtime;
  setRuntime(runtime: Runtime): void;
  /** Live progress of model blocks (runtime only). */
  getTraining(): LiveTrainings;
  setTraining(training: LiveTrainings): void;
  /** Stores state the engine fitted during run `runDoc`, if the block is still as it was then. */
  storeFitted(blockId: string, fitted: unknown, runDoc: FlowDocument): void;
  notify(kind: NoticeKind, message: string): number;
  updateNotice(id: number, kind: NoticeKind, message: string): void;
  /** The preview sample size (RunFlowOptions.sampleRows); absent: inputs are never sampled. */
  getSampleRows?(): number;
}

export const RUN_DEBOUNCE_MS = 60;

/** How long Stop waits for the engine to cancel the run before it tears the engine's worker down instead. */
export const STOP_FALLBACK_MS = 1000;

/** What Stop says when the engine cancelled the run in place. */
const STOPPED_IN_PLACE = 'Stopped. The blocks that had finished keep their previews; your flow is intact.';

/** The message of whatever a rejected engine call threw: an Error, or the plain `{ code, message }` of the protocol. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e !== null && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}

/** The code of a call that a restart cut short: the restart's own notice says what happened. */
const CUT_BY_RESTART = 'E_ENGINE_RESTARTED';

function errorCode(e: unknown): string | undefined {
  return e !== null && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

export class RunLoop {
  private latestRunId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A Stop's wait for the engine's cancel, after which the worker is torn down instead. */
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  /** The restart notice to update once the re-run after a restart has finished. */
  private restartNotice: { id: number; reason: EngineRestartReason; runId: number } | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: EngineClient,
    private readonly host: RunHost,
    private readonly debounceMs = RUN_DEBOUNCE_MS,
  ) {
    this.unsubscribe = engine.onRestart((reason) => this.restarted(reason));
  }

  /** The id of the newest run, started or waiting for its debounce. */
  get latest(): number {
    return this.latestRunId;
  }

  /**
   * The document (or a registered file) changed: marks `affected` stale now and runs after the debounce. With
   * `leading` (a user's edit), an edit that ends a quiet spell runs at once instead, and the debounce then only
   * gathers the edits that follow it: the preview of a single change does not wait for a pause that never comes.
   */
  schedule(affected: Iterable<string>, { delay = this.debounceMs, leading = false }: { delay?: number; leading?: boolean } = {}): void {
    // Taking the new id now, not when the timer fires, drops results of a run that was computing the old document.
    const runId = ++this.latestRunId;
    const ids = [...affected];
    this.host.setRuntime(markStale(this.host.getRuntime(), this.host.getDoc(), ids));
    this.settleCancels(ids);
    const quiet = this.timer === undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (leading && quiet) {
      // The timer only marks the burst that this edit may start; it runs nothing itself.
      this.timer = setTimeout(() => {
        this.timer = undefined;
      }, delay);
      void this.start(runId);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start(runId);
    }, delay);
  }

  /**
   * Stops a block's training. The engine reports it `cancelled`, and later runs hold it back (see `start`), so it
   * trains again only when it or something upstream is edited, or on `runAgain`.
   */
  cancelTraining(blockId: string): void {
    this.host.setTraining(markCancelling(this.host.getTraining(), blockId, this.latestRunId, Date.now()));
    this.engine.cancelTraining(blockId).catch((e: unknown) => {
      if (errorCode(e) !== CUT_BY_RESTART) this.host.notify('error', `The training could not be cancelled: ${errorMessage(e)}`);
    });
  }

  /** Runs a cancelled or stopped block again, with the stopped blocks upstream of it and those downstream of it. */
  runAgain(blockId: string): void {
    this.schedule(runAgainSet(this.host.getDoc(), this.host.getRuntime(), blockId));
  }

  /**
   * Stops the computation in progress at once: the blocks this run had not finished are marked stopped and held back
   * (until edited or run again). The engine cancels the query it is running and keeps every finished result; only if
   * that has not happened within STOP_FALLBACK_MS is its worker torn down and rebuilt, which recomputes the rest.
   */
  stopRun(): void {
    const runtime = this.host.getRuntime();
    const unfinished = Object.values(runtime).filter((s) => s.status === 'running' || s.status === 'stale').map((s) => s.blockId);
    if (unfinished.length === 0) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    // Whatever the stopped run still reports is dropped.
    this.latestRunId++;
    this.host.setRuntime(markStopped(runtime, unfinished));
    clearTimeout(this.stopTimer);
    const cancelled = this.engine.cancelRun().then(
      () => true,
      () => false,
    );
    const late = new Promise<boolean>((resolve) => {
      this.stopTimer = setTimeout(() => resolve(false), STOP_FALLBACK_MS);
    });
    void Promise.race([cancelled, late]).then((landed) => {
      clearTimeout(this.stopTimer);
      if (landed) {
        this.host.notify('info', STOPPED_IN_PLACE);
        return;
      }
      return this.engine.restart('cancelled').catch((e: unknown) => {
        this.host.notify('error', `The engine could not be restarted after the stop: ${errorMessage(e)}. Reload the page; your flow is saved.`);
      });
    });
  }

  /** Stops listening to the engine and cancels a waiting run. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    clearTimeout(this.stopTimer);
    this.unsubscribe();
  }

  private async start(runId: number): Promise<void> {
    if (runId !== this.latestRunId) return;
    const doc = this.host.getDoc();
    this.host.setRuntime(markRunning(this.host.getRuntime(), doc));
    this.host.setTraining(trainingForRun(this.host.getTraining(), doc, this.host.getRuntime()));
    const onBlock = (state: BlockState): void => this.blockState(state, runId, doc);
    const onTraining = (event: TrainingEvent): void => {
      if (runId === this.latestRunId) this.host.setTraining(applyTrainingEvent(this.host.getTraining(), event, runId, Date.now()));
    };
    // Cancelled blocks stay cancelled: only an edit that reaches them (markStale) or runAgain lets them train.
    const sampleRows = this.host.getSampleRows?.();
    const options = {
      holdTraining: heldTraining(this.host.getRuntime(), this.host.getTraining()),
      stopped: stoppedBlocks(this.host.getRuntime()),
      ...(sampleRows !== undefined ? { sampleRows } : {}),
    };
    let result: RunFlowResult;
    try {
      result = await this.engine.runFlow(doc, runId, onBlock, onTraining, options);
    } catch (e) {
      if (runId !== this.latestRunId) return;
      this.host.setRuntime(acceptRunResult(this.host.getRuntime(), this.host.getDoc(), { runId, blocks: [] }, runId));
      if (errorCode(e) !== CUT_BY_RESTART) this.host.notify('error', `The flow could not run: ${errorMessage(e)}`);
      return;
    }
    if (result.runId === this.latestRunId) {
      for (const s of result.blocks) if (s.fitted !== undefined) this.host.storeFitted(s.blockId, s.fitted, doc);
    }
    this.host.setRuntime(acceptRunResult(this.host.getRuntime(), this.host.getDoc(), result, this.latestRunId));
    if (result.runId === this.latestRunId) this.settleCancels(result.blocks.map((b) => b.blockId));
    const notice = this.restartNotice;
    if (notice && result.runId === this.latestRunId && notice.runId <= runId) {
      this.restartNotice = undefined;
      this.host.updateNotice(notice.id, 'info', restartMessage(notice.reason, true));
    }
  }

  private blockState(state: BlockState, runId: number, doc: FlowDocument): void {
    if (runId !== this.latestRunId) return;
    // A result the engine took from its cache for a block that already shows it: publishing it again would only
    // re-render the studio while the edited block is still on its way. The run's final states include it anyway.
    if (state.cached && state.fitted === undefined && this.host.getRuntime()[state.blockId]?.status === 'fresh') return;
    if (state.fitted !== undefined) this.host.storeFitted(state.blockId, state.fitted, doc);
    // The fitted value now lives in the document; the runtime copy would only be a second source of truth.
    const rest = { ...state };
    delete rest.fitted;
    this.host.setRuntime(acceptBlockState(this.host.getRuntime(), rest, runId, this.latestRunId));
    this.settleCancels([state.blockId]);
  }

  private settleCancels(blockIds: Iterable<string>): void {
    const live = this.host.getTraining();
    const next = settleCancelling(live, blockIds);
    if (next !== live) this.host.setTraining(next);
  }

  private restarted(reason: EngineRestartReason): void {
    const id = this.host.notify('warning', restartMessage(reason, false));
    // A training the user cancelled is not restarted by the engine's restart either.
    const runtime = this.host.getRuntime();
    this.schedule(this.host.getDoc().blocks.map((b) => b.id).filter((id) => runtime[id]?.status !== 'cancelled'), { delay: 0 });
    this.restartNotice = { id, reason, runId: this.latestRunId };
  }
}

function restartMessage(reason: EngineRestartReason, done: boolean): string {
  if (reason === 'cancelled') {
    return done
      ? 'Stopped. The other previews were recomputed in a fresh engine; your flow is intact.'
      : 'Stopped. The engine restarted to stop the computation — recomputing the other previews; your flow is intact.';
  }
  const why = reason === 'test-hook' ? 'on request' : reason;
  return done
    ? `The engine restarted (${why}) — previews were recomputed; your flow is intact.`
    : `The engine restarted (${why}) — recomputing previews; your flow is intact.`;
}
