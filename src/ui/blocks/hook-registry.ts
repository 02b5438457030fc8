/**
 * The kinds' hooks that read no store and draw nothing: settings read from a block's inputs and a title from what it
 * does. Apart from the forms' registry so the store can use them without importing the forms (which read the store).
 */
import { blockRegistry, type BlockKind } from '../../engine/blocks/registry';
import type { FlowBlock } from '../../engine/flow/schema';
import type { BlockState } from '../../worker/engine-api';
import { evaluateHooks } from './evaluate/hooks';
import { exportHooks } from './export/hooks';
import { filterHooks } from './filter/hooks';
import { formulaHooks } from './formula/hooks';
import type { BlockHookRegistry, BlockHooks, InputFacts } from './form-types';
import { importHooks } from './import/hooks';
import { joinHooks } from './join/hooks';
import { missingHooks } from './missing/hooks';
import { multiHotHooks } from './multi-hot/hooks';
import { oneHotHooks } from './one-hot/hooks';
import { ordinalHooks } from './ordinal/hooks';
import { predictHooks } from './predict/hooks';
import { splitHooks } from './split/hooks';
import { trainAlsHooks } from './train-als/hooks';
import { tuneHooks } from './tune/hooks';

/** Settings read from the data and titles from what a block does, for the kinds that have them. */
export const blockHooks = {
  import: importHooks,
  missing: missingHooks,
  'one-hot': oneHotHooks,
  ordinal: ordinalHooks,
  'multi-hot': multiHotHooks,
  formula: formulaHooks,
  filter: filterHooks,
  join: joinHooks,
  split: splitHooks,
  'train-als': trainAlsHooks,
  tune: tuneHooks,
  predict: predictHooks,
  evaluate: evaluateHooks,
  export: exportHooks,
} as const satisfies BlockHookRegistry;

/** A kind's hooks with their types erased: the params handed to them come from a block of this same kind. */
function hooksOf(kind: BlockKind): BlockHooks<BlockKind> {
  return ((blockHooks as BlockHookRegistry)[kind] ?? {}) as BlockHooks<BlockKind>;
}

/** What people call a block: the name they gave it, else what it does (`Join on movieId`), else its kind's title. */
export function blockTitle(block: FlowBlock): string {
  return block.label !== undefined && block.label !== '' ? block.label : describedTitle(block);
}

/** What the block does, from its kind's describe hook, whatever label the user gave it. */
export function describedTitle(block: FlowBlock): string {
  // A describe hook reads params its kind's schema parsed; a block loaded from an old file must not break the canvas.
  try {
    return hooksOf(block.kind).describe?.(block.params as never) ?? blockRegistry[block.kind].title;
  } catch {
    return blockRegistry[block.kind].title;
  }
}

/** What a block's card counts after a run, where its kind says something better than its rows. */
export function cardCount(block: FlowBlock, state: BlockState | undefined): string | undefined {
  if (state?.status !== 'fresh') return undefined;
  return hooksOf(block.kind).cardCount?.({ rows: state.rows, report: state.report as never });
}

/** Settings a block's kind reads from its inputs, if it reads any. */
export function suggestSettings(block: FlowBlock, facts: InputFacts): Promise<Partial<unknown> | undefined> | undefined {
  return hooksOf(block.kind).suggest?.(facts, block.params as never);
}

/** Whether a block's kind reads settings from its inputs. */
export const suggestsSettings = (kind: BlockKind): boolean => hooksOf(kind).suggest !== undefined;
