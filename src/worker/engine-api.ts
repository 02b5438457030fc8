/**
 * The whole protocol between the studio and its engine worker, in one file. Everything that crosses it is plain data
 * or transferred Arrow IPC bytes; errors cross as `{ code, message, blockId }` from the engine's coded catalog.
 */
import type { Column } from '../engine/blocks/types';
import type { FlowDocument } from '../engine/flow/schema';
import type { ChartData, ChartKind, TableProfile } from '../engine/profile/types';

// The engine computes profiles and chart data (src/engine/profile), so their types are declared there.
export type { ChartData, ChartKind, ColumnProfile, HistogramBin, TableProfile } from '../engine/profile/types';

export interface EngineErrorInfo {
  code: string;
  message: string;
  blockId?: string;
}

/**
 * A block's state as the canvas shows it. `fresh`: its result is computed for the current document. `stale`: the
 * document changed (or the engine restarted) and it has not been recomputed yet. `blocked`: an upstream block failed.
 */
export type BlockStatus = 'fresh' | 'stale' | 'running' | 'error' | 'blocked';

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
  /** True when the result came from the engine's cache (nothing upstream changed). */
  cached?: boolean;
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

/** The API the engine worker exposes through comlink. */
export interface EngineApi {
  init(): Promise<{ version: string }>;
  /** Registers the file behind a logical input. A `File` is registered by handle, never copied into JS memory. */
  registerFile(inputName: string, fileName: string, source: File | Uint8Array): Promise<void>;
  /** Runs the flow; results of unchanged blocks come from the cache. `onBlock` streams each block's state. */
  runFlow(flow: FlowDocument, runId: number, onBlock?: (state: BlockState) => void): Promise<RunFlowResult>;
  preview(req: PreviewRequest): Promise<PreviewResult>;
  /**
   * The block whose output the user is looking at. A run pauses briefly after computing it, so that its preview is
   * served before the blocks downstream of it take the engine (DuckDB-WASM runs one query at a time).
   */
  focus(blockId: string | undefined): Promise<void>;
  profile(blockId: string, port: string): Promise<TableProfile>;
  chart(req: ChartRequest): Promise<ChartData>;
  /** A block output as a file: CSV (spreadsheet-safe unless `raw`) or Parquet. */
  download(blockId: string, port: string, format: 'csv' | 'parquet'): Promise<Uint8Array>;
  /** What an export block writes, byte for byte as the CLI would. */
  exportFile(blockId: string): Promise<{ fileName: string; bytes: Uint8Array }>;
}

/** Why the engine restarted, for the UI's notice. */
export type EngineRestartReason = 'crashed' | 'cancelled' | 'test-hook';

/**
 * The UI's handle on the engine: the EngineApi plus lifecycle. The worker is disposable: on a crash or a cancel it is
 * terminated and rebuilt (files re-registered, the flow re-run), and listeners hear why.
 */
export interface EngineClient extends Omit<EngineApi, 'registerFile'> {
  registerFile(inputName: string, fileName: string, source: File | Uint8Array): Promise<void>;
  /** Names of inputs that have a file registered. */
  registeredInputs(): string[];
  /** Terminates the worker (cancelling whatever runs) and starts a fresh one. */
  restart(reason: EngineRestartReason): Promise<void>;
  onRestart(listener: (reason: EngineRestartReason) => void): () => void;
}
