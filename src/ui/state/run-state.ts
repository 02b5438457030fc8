/**
 * Pure functions over the runtime state (status, rows, errors per block): which blocks an edit touches, marking
 * them stale or running, and accepting results only from the latest run.
 */
import { WrangleError } from '../../engine/errors/catalog';
import type { FlowDocument } from '../../engine/flow/schema';
import { declaredInputOf } from '../../engine/inputs/declared-inputs';
import type { BlockState, RunFlowResult } from '../../worker/engine-api';

export type Runtime = Record<string, BlockState>;

function incomingKeys(doc: FlowDocument): Map<string, string> {
  const byBlock = new Map<string, string[]>();
  for (const e of doc.edges) {
    byBlock.set(e.to.block, [...(byBlock.get(e.to.block) ?? []), `${e.to.port}<${e.from.block}.${e.from.port}`]);
  }
  return new Map([...byBlock].map(([id, keys]) => [id, keys.sort().join('|')]));
}

/** Ids of `ids` and every block reachable from them along the edges, downstream or upstream. */
function reachable(doc: FlowDocument, ids: Iterable<string>, direction: 'down' | 'up'): Set<string> {
  const out = new Set(ids);
  const queue = [...out];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const e of doc.edges) {
      const [near, far] = direction === 'down' ? [e.from.block, e.to.block] : [e.to.block, e.from.block];
      if (near === id && !out.has(far)) {
        out.add(far);
        queue.push(far);
      }
    }
  }
  return out;
}

/** Ids of `ids` and every block downstream of them. */
export function withDownstream(doc: FlowDocument, ids: Iterable<string>): Set<string> {
  return reachable(doc, ids, 'down');
}

/**
 * The blocks whose result may change from `prev` to `next`: those with new settings, fitted state or wiring, the
 * imports of re-registered inputs, and everything downstream of them. Labels and positions change no result.
 */
export function affectedBlocks(prev: FlowDocument, next: FlowDocument, changedInputs: readonly string[] = []): Set<string> {
  const before = new Map(prev.blocks.map((b) => [b.id, b]));
  const inBefore = incomingKeys(prev);
  const inNext = incomingKeys(next);
  const changed = next.blocks
    .filter((b) => {
      const old = before.get(b.id);
      if (!old || old.kind !== b.kind || old.params !== b.params || old.fitted !== b.fitted) return true;
      if (inBefore.get(b.id) !== inNext.get(b.id)) return true;
      const input = declaredInputOf(b);
      return input !== undefined && changedInputs.includes(input.name);
    })
    .map((b) => b.id);
  return withDownstream(next, changed);
}

/** Drops runtime entries of blocks the document no longer has. */
function pruned(runtime: Runtime, doc: FlowDocument): Runtime {
  const ids = new Set(doc.blocks.map((b) => b.id));
  return Object.fromEntries(Object.entries(runtime).filter(([id]) => ids.has(id)));
}

/**
 * Marks blocks stale. Their last outputs stay, so downstream forms keep offering columns while the flow re-runs.
 */
export function markStale(runtime: Runtime, doc: FlowDocument, ids: Iterable<string>): Runtime {
  const next = pruned(runtime, doc);
  const known = new Set(doc.blocks.map((b) => b.id));
  for (const id of ids) {
    if (!known.has(id)) continue;
    const old = next[id];
    next[id] = old ? { ...old, status: 'stale', cached: false } : { blockId: id, status: 'stale', outputs: {} };
  }
  return next;
}

/** Stale blocks (and those never run) become running when the run they wait for starts. */
export function markRunning(runtime: Runtime, doc: FlowDocument): Runtime {
  const next = pruned(runtime, doc);
  for (const b of doc.blocks) {
    const old = next[b.id];
    if (!old) next[b.id] = { blockId: b.id, status: 'running', outputs: {} };
    else if (old.status === 'stale') next[b.id] = { ...old, status: 'running' };
  }
  return next;
}

/** A block's state from run `runId`; ignored unless that run is the latest, so a stale result never wins. */
export function acceptBlockState(runtime: Runtime, state: BlockState, runId: number, latestRunId: number): Runtime {
  if (runId !== latestRunId) return runtime;
  if (!(state.blockId in runtime)) return runtime;
  return { ...runtime, [state.blockId]: state };
}

/**
 * A finished run's states; ignored unless it is the latest run. Blocks the run did not report (it stopped early)
 * go back to stale rather than staying "running" for ever.
 */
export function acceptRunResult(runtime: Runtime, doc: FlowDocument, result: RunFlowResult, latestRunId: number): Runtime {
  if (result.runId !== latestRunId) return runtime;
  const next = pruned(runtime, doc);
  const reported = new Set<string>();
  for (const s of result.blocks) {
    if (!(s.blockId in next)) continue;
    // Fitted state goes into the document (see RunHost.storeFitted), not the runtime.
    const state = { ...s };
    delete state.fitted;
    next[s.blockId] = state;
    reported.add(s.blockId);
  }
  for (const [id, s] of Object.entries(next)) {
    if (!reported.has(id) && s.status === 'running') next[id] = { ...s, status: 'stale' };
  }
  return next;
}

const isStopped = (s: BlockState | undefined): boolean => s?.status === 'cancelled' && s.error?.code === 'E_RUN_STOPPED';

/** The user pressed Stop: these blocks show it (their last outputs stay, for the forms) and are held back. */
export function markStopped(runtime: Runtime, ids: Iterable<string>): Runtime {
  const next = { ...runtime };
  for (const id of ids) {
    const old = next[id];
    if (!old) continue;
    next[id] = { ...old, status: 'cancelled', cached: false, error: new WrangleError('E_RUN_STOPPED', { block: id }, id).toJSON() };
  }
  return next;
}

/** Blocks the user stopped and has not edited or run again since: runs hold them back. */
export function stoppedBlocks(runtime: Runtime): string[] {
  return Object.values(runtime).filter(isStopped).map((s) => s.blockId);
}

/** What "Run again" on a block recomputes: it, the blocks upstream of it that were stopped, and everything downstream. */
export function runAgainSet(doc: FlowDocument, runtime: Runtime, blockId: string): Set<string> {
  const stoppedAbove = [...reachable(doc, [blockId], 'up')].filter((id) => id === blockId || isStopped(runtime[id]));
  return withDownstream(doc, stoppedAbove);
}
