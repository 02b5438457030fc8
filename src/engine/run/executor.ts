import type { Relation } from '../blocks/contract';
import type { WrangleError } from '../errors/catalog';
import type { FlowDocument } from '../flow/schema';
import type { SourceEncoding } from '../inputs/encoding';
import type { ModelHost, ModelProgress } from '../model/als-contract';
import { buildGraph } from '../plan/graph';
import type { SqlRunner } from '../sql/sql-runner';
import { runBlockStep, stoppedResult, type StepEnv } from './block-step';
import { Materializer } from './materialize';
import type { SampleFacts, SamplePlan } from './preview-sample';
import { RUN_PRESETS, type RunPresetName } from './presets';
import { ResultCache } from './result-cache';

export { FIRST_ROWS } from './materialize';

/** A file behind a logical input: the path the engine reads, and a fingerprint that changes when the file does. */
export interface InputFile {
  path: string;
  fingerprint: string;
  /** A table the host already loaded the input into (see FileResolver.inputTable). */
  table?: string;
  /** How the host resolved a text file's encoding; `path` is a UTF-8 copy where it says `transcoded`. */
  encoding?: SourceEncoding;
}

export type BlockEvent =
  | { type: 'start'; blockId: string; index: number; total: number }
  | { type: 'done'; blockId: string; index: number; total: number; result: BlockResult }
  | { type: 'progress'; blockId: string; progress: ModelProgress };

/** What only the studio asks of a run: it shows results while the run goes on. */
export interface StudioHooks {
  /**
   * Blocks the user stopped: reported failed with E_RUN_STOPPED without computing anything, so a computation the
   * user gave up on is not started again by an edit elsewhere; the blocks that read them are blocked.
   */
  hold?: ReadonlySet<string>;
  /**
   * For the blocks `wants` names (imports of big files): before the whole result is built, `show` gets a view of
   * its first rows, so a preview can show them meanwhile. The view is dropped once the result is built.
   */
  firstRows?: { wants(blockId: string): boolean; show(blockId: string, rel: Relation): Promise<void> };
  /**
   * For blocks that read a host file (`declaredInput`): the seeded sample to compute instead of the whole file, or
   * undefined for the whole file. The plan is part of the block's content hash, so a sampled result is never taken
   * for a whole one; the blocks downstream of it hash it through their upstream hashes.
   */
  sample?: (blockId: string, inputName: string) => SamplePlan | undefined;
  /** Awaited after each block, before the next one starts: lets the host serve a preview of it first. */
  afterBlock?: (result: BlockResult) => Promise<void> | void;
}

export interface ExecuteOptions {
  /** How the host runs the flow (see presets.ts). */
  preset: RunPresetName;
  inputs: Record<string, InputFile>;
  /** The engine path for a block's output file. Without it, exports compile but write nothing. */
  sinkPath?: (fileName: string) => string;
  /** Fit blocks again even when the flow holds fitted state: all of them, or the ids given. */
  refit?: boolean | ReadonlySet<string>;
  onEvent?: (e: BlockEvent) => void;
  /** Trains the model blocks (the CLI's worker threads, the studio's workers or GPU). */
  models?: ModelHost;
  studio?: StudioHooks;
  signal?: AbortSignal;
}

export interface BlockResult {
  blockId: string;
  status: 'ok' | 'error' | 'blocked';
  hash?: string;
  /** Output relations by port. */
  outputs: Record<string, Relation>;
  rows?: number;
  seconds: number;
  error?: WrangleError;
  /** The compiled SELECT, for the inspector. */
  sql?: string;
  /** Set when this run fitted the block; the caller may store it in the document. */
  fitted?: unknown;
  cached?: boolean;
  /** What the block tells about its run besides rows (its definition's `report`): plain JSON of its kind's shape. */
  report?: unknown;
  /** Set when the block read a seeded sample of its file (StudioHooks.sample), not the whole file. */
  sample?: SampleFacts;
}

export interface RunResult {
  ok: boolean;
  /** The signal stopped the run at a block boundary; `blocks` holds the blocks that finished before it. */
  cancelled?: boolean;
  blocks: BlockResult[];
  /** Every statement that built the results, in order: a runnable script of the flow. */
  script: string[];
}

/**
 * Runs flows against a SqlRunner, block by block in topological order. Results are kept by content hash (see
 * ResultCache), so running an edited flow again recomputes only the edited block and those downstream of it.
 */
export class FlowExecutor {
  private readonly cache = new ResultCache();

  constructor(private readonly runner: SqlRunner) {}

  /** Forgets every cached result, e.g. after the engine restarted. */
  clearCache(): void {
    this.cache.clear();
  }

  /**
   * Forgets the cached results whose hash is not in `keep` and returns the names of the relations that held them,
   * for the host to drop. The studio keeps only its latest run's results, so that edits do not pile up tables.
   */
  evict(keep: ReadonlySet<string>): string[] {
    return this.cache.evict(keep);
  }

  async run(flow: FlowDocument, options: ExecuteOptions): Promise<RunResult> {
    const graph = buildGraph(flow);
    const preset = RUN_PRESETS[options.preset];
    const results = new Map<string, BlockResult>();
    const script: string[] = [];
    const env: StepEnv = { runner: this.runner, cache: this.cache, materializer: new Materializer(this.runner, preset, script), graph, results, preset, options, script };
    const finished = () => graph.order.flatMap((b) => results.get(b.id) ?? []);
    const total = graph.order.length;
    for (const [index, block] of graph.order.entries()) {
      if (options.signal?.aborted) return { ok: false, cancelled: true, blocks: finished(), script };
      options.onEvent?.({ type: 'start', blockId: block.id, index, total });
      const result = options.studio?.hold?.has(block.id) ? stoppedResult(block.id) : await runBlockStep(env, block);
      // A block the signal stopped part-way (a training) is not a failure of the flow: the run was cancelled.
      if (options.signal?.aborted && result.status === 'error') return { ok: false, cancelled: true, blocks: finished(), script };
      results.set(block.id, result);
      options.onEvent?.({ type: 'done', blockId: block.id, index, total, result });
      await options.studio?.afterBlock?.(result);
      if (result.status === 'error' && preset.stopOnError) break;
    }
    const blocks = finished();
    return { ok: blocks.length === total && blocks.every((b) => b.status === 'ok'), blocks, script };
  }
}
