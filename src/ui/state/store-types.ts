/**
 * The studio's state and the actions that change it: the contract between the state module (which owns history,
 * autosave and the run loop) and the canvas, palette, inspector and preview, which only read state and call actions.
 */
import type { BlockKind } from '../../engine/blocks/registry';
import type { FlowDocument, FlowEdge } from '../../engine/flow/schema';
import type { PortRef } from '../../engine/plan/graph';
import type { BlockState } from '../../worker/engine-api';
import type { LiveTrainings } from './training-state';

export interface Position {
  x: number;
  y: number;
}

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

/** A toast or banner: engine restarts, failed saves, refused connections, missing files. */
export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  /** An optional action, e.g. "Download the flow" when autosave failed, and maybe a second choice beside it. */
  action?: NoticeAction & { alternative?: NoticeAction };
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'failed';

export interface StudioState {
  /** The document: always valid (every params object passed its block's schema). */
  doc: FlowDocument;
  /** Selected block ids, in selection order. */
  selection: string[];
  /** Selected connections (clicked wires): the canvas highlights them, the inspector shows one, Delete removes them. */
  selectedEdges: FlowEdge[];
  /** Runtime state per block id; never saved. */
  runtime: Record<string, BlockState>;
  /** Live progress of the model blocks that train, per block id; never saved. */
  training: LiveTrainings;
  /** Logical input names that have a file registered in the engine. */
  registeredInputs: string[];
  /** The name of the file chosen for each input, as the user has it (it may differ from the name the flow expects). */
  inputSources: Record<string, string>;
  /** Inputs the flow declares but that have no file (e.g. after a reload), to ask for by name. */
  missingInputs: { name: string; file: string }[];
  notices: Notice[];
  saveStatus: SaveStatus;
  canUndo: boolean;
  canRedo: boolean;
  /** Inputs with more rows than this preview on a seeded sample of this many rows (a local setting, not the flow's). */
  previewSampleRows: number;
}

/** A connection made (with the one it replaced, if the input had one), or refused with the reason. */
export type ConnectResult = { ok: true; replaced?: FlowEdge } | { ok: false; reason: string };

export interface StudioActions {
  /**
   * Adds a block with its kind's default params (or the given ones) and selects it. Returns its id. `after`: the
   * block it follows, wired to it where the ports fit, in the same undo step.
   */
  addBlock(kind: BlockKind, position?: Position, params?: unknown, after?: string): string;
  /** Lays the flow out left to right in stages (inputs first). One undo step. */
  tidyUp(): void;
  /** Replaces a block's params; they must already be valid for its kind. One undo step. */
  updateParams(blockId: string, params: unknown): void;
  setLabel(blockId: string, label: string): void;
  /** Renames the flow (the top bar's title). One undo step. */
  rename(name: string): void;
  /**
   * Connects an output port to an input port, or refuses with the reason (taken input, cycle, unknown port). With
   * `replace`, a taken input drops its connection for this one, in the same undo step, and a note says which.
   */
  connect(from: PortRef, to: PortRef, options?: { replace?: boolean }): ConnectResult;
  disconnect(from: PortRef, to: PortRef): void;
  removeBlocks(ids: string[]): void;
  /** Records final positions after a drag (one undo step per drag, not per pixel). */
  moveBlocks(positions: Record<string, Position>): void;
  select(ids: string[]): void;
  /** Selects these connections (those the document has); an empty list clears the connection selection. */
  selectEdges(edges: FlowEdge[]): void;
  copySelection(): void;
  paste(offset?: Position): void;
  undo(): void;
  redo(): void;
  /** Replaces the document (open, new, recovery). One undo step. */
  load(doc: FlowDocument): void;
  newFlow(): void;
  /** Stops a model block's training; it shows "cancelled" and trains again only on an edit or `runAgain`. */
  cancelTraining(blockId: string): void;
  /**
   * Stops the computation in progress at once (the engine cancels its query; it restarts only if that takes over a
   * second): the blocks it had not finished show "cancelled" and run again only on an edit or `runAgain`; the other
   * blocks keep their results.
   */
  stopRun(): void;
  /** Runs a cancelled or stopped block again, with the stopped blocks upstream of it and the blocks downstream. */
  runAgain(blockId: string): void;
  /** Registers a file for a logical input and re-runs the flow. */
  registerInputFile(inputName: string, file: File): Promise<void>;
  /** Sets the preview sample size (kept in this browser) and recomputes the blocks reading files with it. */
  setPreviewSampleRows(rows: number): void;
  notify(kind: NoticeKind, message: string, action?: Notice['action']): void;
  dismissNotice(id: number): void;
}
