/**
 * The whole protocol between the studio and its engine worker, in one file. Everything that crosses it is plain data
 * or transferred Arrow IPC bytes; errors cross as `{ code, message, blockId }` from the engine's coded catalog.
 */
import type { Column } from '../engine/blocks/contract';
import type { ErrorSpan } from '../engine/errors/catalog';
import type { FlowDocument } from '../engine/flow/schema';
import type { ModelProgress } from '../engine/model/als-contract';
import type { ChartData, ChartKind, TableProfile } from '../engine/profile/types';

// The engine computes profiles and chart data (src/engine/profile), so their types are declared there.
export type { ChartData, ChartKind, ColumnProfile, HistogramBin, TableProfile } from '../engine/profile/types';
export type { IterationReport, ModelProgress, ModelReport } from '../engine/model/als-contract';

export interface EngineErrorInfo {
  code: string;
  message: string;
  blockId?: string;
  /** Where in a setting's text the problem is (an expression's misspelt column), for the form to underline. */
  span?: ErrorSpan;
}

/**
 * A block's state as the canvas shows it. `fresh`: its result is computed for the current document. `stale`: the
 * document changed (or the engine restarted) and it has not been recomputed yet. `blocked`: an upstream block failed.
 * `cancelled`: the user cancelled its training or stopped its computation; it runs again only when asked to or edited.
 */
export type BlockStatus = 'fresh' | 'stale' | 'running' | 'error' | 'blocked' | 'cancelled';

export interface BlockState {
  blockId: string;
  status: BlockStatus;
  rows?: number;
  seconds?: number;
  error?: EngineErrorInfo;
  /** The compiled SELECT, for the inspector. */
  sql?: string;
  /** Output schemas by port, which feed the column pickers of downstream forms. */
  outputs: Record<string, Column[]>;
  /** Set when this run fitted the block: the studio stores it in the document. */
  fitted?: unknown;
  /**
   * Only the first rows are in (status `running`): the block reads a big file, and its preview shows them while the
   * whole result is built.
   */
  partial?: boolean;
  /** True when the result came from the engine's cache (nothing upstream changed). */
  cached?: boolean;
  /**
   * What the block tells about its run besides rows, in its kind's shape (an import: how it read its CSV file; a
   * model: its training report). The studio shows it through the kind's views in `ui/blocks/registry.ts`.
   */
  report?: unknown;
  /** The result comes from a seeded sample of a big input, not from all its rows (see RunFlowOptions.sampleRows). */
  sample?: SampleInfo;
}

/** Which sample a block's result was computed on: `rows` drawn from about (or, when `exact`, exactly) `of`. */
export interface SampleInfo {
  rows: number;
  of: number;
  exact: boolean;
  /** The sampled inputs upstream of the block, by logical name. */
  inputs: string[];
}

/** What a training block says while it trains, streamed to the studio's Training tab. */
export type TrainingEvent =
  /** A training began (a tune block starts one per grid point and fold), and where it runs. */
  | { type: 'start'; blockId: string; backend: string; fallbackReason?: string }
  | { type: 'iteration'; blockId: string; progress: ModelProgress };

export interface RunFlowOptions {
  /**
   * Blocks whose training the user cancelled and has not asked for again: they are reported `cancelled` without
   * training, so an edit elsewhere in the flow does not restart a training the user stopped.
   */
  holdTraining?: string[];
  /**
   * Blocks the user stopped part-way (Stop, see `cancelRun`): reported `cancelled` without computing, until they are
   * edited or run again.
   */
  stopped?: string[];
  /**
   * Previews of an input with more rows than this compute on a seeded sample of this many rows (the rows measured by
   * file bytes first, then counted where the engine can or estimated from the first lines). 0 or absent: never.
   */
  sampleRows?: number;
}

export interface RunFlowResult {
  /** Echoes the request's runId, so the UI can drop results of a run that a newer one replaced. */
  runId: number;
  blocks: BlockState[];
}

export interface SortKey {
  column: string;
  descending: boolean;
}

export interface PreviewRequest {
  blockId: string;
  port: string;
  offset: number;
  limit: number;
  sort?: SortKey[];
}

export interface PreviewResult {
  /** One page of rows as Arrow IPC stream bytes. */
  arrow: Uint8Array;
  totalRows: number;
}

export interface ChartRequest {
  blockId: string;
  port: string;
  kind: ChartKind;
  x: string;
  y?: string;
  /** Most points/bins returned; the engine aggregates or samples (seeded) above it. */
  limit: number;
}

/** A column of one output looked up for each row of another's first page, by a shared key (see itemValuesSelect). */
export interface ItemValuesRequest {
  /** The rows: the first `limit` rows of this output, as a preview page holds them, and their key column. */
  items: { blockId: string; port: string; key: string };
  /** The output to look in, its key column, and the column wanted. */
  from: { blockId: string; port: string; key: string; column: string };
  limit: number;
}

/** The API the engine worker exposes through comlink. */
export interface EngineApi {
  init(): Promise<{ version: string }>;
  /** Registers the file behind a logical input. A `File` is registered by handle, never copied into JS memory. */
  registerFile(inputName: string, fileName: string, source: File | Uint8Array): Promise<void>;
  /** Forgets the file behind an input: the flow's imports of it then ask for a file again. */
  unregisterFile(inputName: string): Promise<void>;
  /**
   * Runs the flow; results of unchanged blocks come from the cache. `onBlock` streams each block's state and
   * `onTraining` the progress of model blocks.
   */
  runFlow(
    flow: FlowDocument,
    runId: number,
    onBlock?: (state: BlockState) => void,
    onTraining?: (event: TrainingEvent) => void,
    options?: RunFlowOptions,
  ): Promise<RunFlowResult>;
  /**
   * Stops the block's training at the next half-sweep (or before it starts, if the run has not reached it). The block
   * is then reported `cancelled`, blocks downstream of it `blocked`, and the rest of the flow runs on.
   */
  cancelTraining(blockId: string): Promise<void>;
  /**
   * The user's Stop: cancels the statement running now (DuckDB checks about every 100 ms) and ends the run in progress,
   * and any run queued behind it. That run then answers with the blocks it finished, as they are, and the block it was
   * computing and those downstream of it `cancelled` (E_RUN_STOPPED); blocks it had not reached on other branches are
   * left out and keep what they had. Finished results, registered files and the engine stay. Resolves once the run
   * has ended.
   */
  cancelRun(): Promise<void>;
  preview(req: PreviewRequest): Promise<PreviewResult>;
  /**
   * The block whose output the user is looking at. A run pauses briefly after computing it, until the studio says
   * its new rows are on screen (`previewShown`), so that its preview is served and drawn before the blocks downstream
   * of it take the engine (DuckDB-WASM runs one query at a time, and on two cores it also takes the page's CPU).
   */
  focus(blockId: string | undefined): Promise<void>;
  /** The focused block's new rows are on screen: the run paused after it goes on downstream. */
  previewShown(blockId: string): Promise<void>;
  profile(blockId: string, port: string): Promise<TableProfile>;
  chart(req: ChartRequest): Promise<ChartData>;
  /**
   * Arrow IPC bytes with one row per item of the page: `key` and `value`, the looked-up column (its mean, or its most
   * frequent value, where the other output has several rows for one key; NULL where it has none).
   */
  itemValues(req: ItemValuesRequest): Promise<Uint8Array>;
  /** A block output as a file: CSV (spreadsheet-safe unless `raw`) or Parquet. */
  download(blockId: string, port: string, format: 'csv' | 'parquet'): Promise<Uint8Array>;
  /** What an export block writes, byte for byte as the CLI would. */
  exportFile(blockId: string): Promise<{ fileName: string; bytes: Uint8Array }>;
  /**
   * The flow as the PySpark job `wrangle pyspark` writes, byte for byte; `source` is the flow file's name for its
   * header. A block without a translation fails with E_SPARK_UNSUPPORTED naming it.
   */
  pysparkJob(flow: FlowDocument, source: string): Promise<string>;
}

/** Why the engine restarted, for the UI's notice. */
export type EngineRestartReason = 'crashed' | 'cancelled' | 'test-hook';

/**
 * The UI's handle on the engine: the EngineApi plus lifecycle. The worker is disposable: on a crash, or a Stop that
 * `cancelRun` could not bring about in time, it is terminated and rebuilt (files re-registered, the flow re-run), and
 * listeners hear why.
 */
export interface EngineClient extends Omit<EngineApi, 'registerFile'> {
  registerFile(inputName: string, fileName: string, source: File | Uint8Array): Promise<void>;
  /** Names of inputs that have a file registered. */
  registeredInputs(): string[];
  /** Terminates the worker (cancelling whatever runs) and starts a fresh one. */
  restart(reason: EngineRestartReason): Promise<void>;
  onRestart(listener: (reason: EngineRestartReason) => void): () => void;
}
