/**
 * The studio's actions: every change of the document goes through here, is validated, and becomes one undo step.
 */
import { isBlockKind } from '../../engine/blocks/registry';
import type { FlowDocument } from '../../engine/flow/schema';
import { declaredInputOf } from '../../engine/inputs/declared-inputs';
import type { EngineClient } from '../../worker/engine-api';
import { defaultParams } from './default-params';
import {
  addBlockToDoc,
  connectPorts,
  copyBlocks,
  disconnectPorts,
  emptyFlow,
  makeBlock,
  moveBlocksInDoc,
  nextBlockId,
  pasteBlocks,
  placeNewBlock,
  removeBlocksFromDoc,
  renameFlow,
  sameEdge,
  setBlockLabel,
  setBlockParams,
  wiringProblem,
  type Clipboard,
} from './doc-edits';
import type { CommitOptions } from './history';
import { autoLayout } from '../canvas/auto-layout';
import { wireAfter } from './auto-wire';
import { replacedNote } from './connection-words';
import { expectedInputs } from './missing-inputs';
import { checkedFlow, validateParams } from './parse-once';
import { errorMessage, type RunLoop } from './run-loop';
import { saveSampleRows } from './preview-sample-setting';
import type { Notice, NoticeKind, StudioActions, StudioState } from './store-types';

/** What the actions need from the store (`create-store.ts` provides it): the state, commits, the engine, notices. */
export interface StoreCore {
  state(): StudioState;
  publish(patch: Partial<StudioState>): void;
  commit(next: FlowDocument, options?: CommitOptions): void;
  stepHistory(direction: 'undo' | 'redo'): void;
  engine(): EngineClient | undefined;
  /** The engine once it is attached: a file chosen while the studio starts waits for it rather than failing. */
  attachedEngine(): Promise<EngineClient>;
  /** The run loop, once an engine is attached: training cancels and re-runs go through it. */
  runLoop(): RunLoop | undefined;
  notify(kind: NoticeKind, message: string, action?: Notice['action']): number;
  /** A block the user just added: its settings may be read from its inputs once they have columns. */
  blockAdded?(id: string): void;
  /** A file is now registered for this input, under this file name: the blocks reading it run again. */
  fileRegistered(inputName: string, fileName: string, sourceName?: string): void;
  /** Recomputes the blocks reading these inputs, and those below them (the document did not change). */
  rerunInputs(inputNames: readonly string[]): void;
  /** Unregisters the bundled sample file of each of these inputs that has one; a user's own files stay. */
  forgetSampleInputs(inputNames: readonly string[]): void;
}

/** Where a paste lands relative to the copied blocks, growing with each paste so copies do not stack exactly. */
const PASTE_STEP = { x: 40, y: 40 };

export function createActions(core: StoreCore): StudioActions {
  let clipboard: Clipboard | undefined;
  let pastes = 0;
  const doc = (): FlowDocument => core.state().doc;
  const edit = (next: FlowDocument, options?: CommitOptions): void => core.commit(next, options);

  return {
    addBlock(kind, position, params, after) {
      if (!isBlockKind(kind)) throw new Error(`Unknown block kind "${String(kind)}"`);
      const valid = validateParams(kind, params === undefined ? defaultParams(kind) : params);
      if (!valid.ok) {
        // A caller bug, not a user's mistake; the block is not added rather than added broken.
        core.notify('error', `Could not add the block: ${valid.reason}`);
        return '';
      }
      const current = doc();
      const id = nextBlockId(current, kind);
      const at = position ?? placeNewBlock(current, core.state().selection.at(-1));
      core.blockAdded?.(id);
      const added = addBlockToDoc(current, makeBlock(id, kind, valid.params), at);
      edit(after === undefined ? added : wireAfter(added, after, id));
      core.publish({ selection: [id] });
      return id;
    },

    updateParams(blockId, params) {
      const result = setBlockParams(doc(), blockId, params);
      if (!result.ok) {
        core.notify('error', result.reason);
        return;
      }
      edit(result.doc);
      if (result.removedEdges > 0) {
        const n = result.removedEdges;
        core.notify('info', `${n} connection${n === 1 ? '' : 's'} to ports that no longer exist ${n === 1 ? 'was' : 'were'} removed.`);
      }
    },

    setLabel(blockId, label) {
      edit(setBlockLabel(doc(), blockId, label));
    },

    rename(name) {
      edit(renameFlow(doc(), name));
    },

    connect(from, to, options) {
      const before = doc();
      const result = connectPorts(before, from, to, options);
      if (!result.ok) return result;
      edit(result.doc);
      if (!result.replaced) return { ok: true };
      core.notify('info', replacedNote(before, result.replaced, from));
      return { ok: true, replaced: result.replaced };
    },

    disconnect(from, to) {
      edit(disconnectPorts(doc(), from, to));
    },

    removeBlocks(ids) {
      edit(removeBlocksFromDoc(doc(), ids));
    },

    moveBlocks(positions) {
      edit(moveBlocksInDoc(doc(), positions));
    },

    tidyUp() {
      edit(moveBlocksInDoc(doc(), autoLayout(doc())));
    },

    selectEdges(edges) {
      const chosen = edges.filter((e) => doc().edges.some((d) => sameEdge(d, e)));
      const old = core.state().selectedEdges;
      if (chosen.length !== old.length || chosen.some((e, i) => !sameEdge(e, old[i]!))) core.publish({ selectedEdges: chosen });
    },

    select(ids) {
      const known = new Set(doc().blocks.map((b) => b.id));
      const selection = [...new Set(ids)].filter((id) => known.has(id));
      const old = core.state().selection;
      if (selection.length !== old.length || selection.some((id, i) => id !== old[i])) core.publish({ selection });
    },

    copySelection() {
      const ids = core.state().selection;
      if (ids.length === 0) return;
      clipboard = copyBlocks(doc(), ids);
      pastes = 0;
    },

    paste(offset) {
      if (!clipboard || clipboard.blocks.length === 0) return;
      pastes += 1;
      const shift = offset ?? { x: PASTE_STEP.x * pastes, y: PASTE_STEP.y * pastes };
      const result = pasteBlocks(doc(), clipboard, shift);
      edit(result.doc);
      core.publish({ selection: result.ids });
    },

    undo() {
      core.stepHistory('undo');
    },

    redo() {
      core.stepHistory('redo');
    },

    load(next) {
      let parsed: FlowDocument;
      try {
        // The document must always be valid: one the caller did not read with `readFlow` is parsed here.
        parsed = checkedFlow(next);
      } catch (e) {
        core.notify('error', `This flow cannot be opened. ${errorMessage(e)}`);
        return;
      }
      const problem = wiringProblem(parsed);
      if (problem) {
        core.notify('error', `This flow cannot be opened. ${problem}`);
        return;
      }
      // The bundled sample files belong to the sample flow. An opened flow asks for its own, even for an input of
      // the same name: the music sample's ratings.csv is not the ratings.csv of a MovieLens flow.
      core.forgetSampleInputs(expectedInputs(parsed).map((i) => i.name));
      edit(parsed);
      core.publish({ selection: [] });
    },

    newFlow() {
      edit(emptyFlow());
      core.publish({ selection: [] });
    },

    cancelTraining(blockId) {
      core.runLoop()?.cancelTraining(blockId);
    },

    stopRun() {
      core.runLoop()?.stopRun();
    },

    runAgain(blockId) {
      core.runLoop()?.runAgain(blockId);
    },

    async registerInputFile(inputName, file) {
      // A file chosen while the studio is still starting is registered as soon as the engine is there.
      const engine = core.engine() ?? (await core.attachedEngine());
      const declared = doc().blocks.map(declaredInputOf).find((input) => input?.name === inputName);
      // The engine sees the file under the name the flow expects, as the CLI's --data does.
      const fileName = declared?.file ?? file.name;
      try {
        await engine.registerFile(inputName, fileName, file);
      } catch (e) {
        core.notify('error', `Could not load ${file.name} for input "${inputName}": ${errorMessage(e)}`);
        return;
      }
      core.fileRegistered(inputName, fileName, file.name);
    },

    setPreviewSampleRows(rows) {
      if (rows === core.state().previewSampleRows) return;
      saveSampleRows(rows);
      core.publish({ previewSampleRows: rows });
      core.rerunInputs(expectedInputs(doc()).map((i) => i.name));
    },

    notify(kind, message, action) {
      core.notify(kind, message, action);
    },

    dismissNotice(id) {
      const notices = core.state().notices;
      if (notices.some((n) => n.id === id)) core.publish({ notices: notices.filter((n) => n.id !== id) });
    },
  };
}
