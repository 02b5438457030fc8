import { aggregateBlock } from './aggregate/definition';
import { concatBlock } from './concat/definition';
import { evaluateBlock } from './evaluate/definition';
import { exportBlock } from './export/definition';
import { filterBlock } from './filter/definition';
import { formulaBlock } from './formula/definition';
import { importBlock } from './import/definition';
import { joinBlock } from './join/definition';
import { manageColumnsBlock } from './manage-columns/definition';
import { manageRowsBlock } from './manage-rows/definition';
import { missingBlock } from './missing/definition';
import { multiHotBlock } from './multi-hot/definition';
import { oneHotBlock } from './one-hot/definition';
import { ordinalBlock } from './ordinal/definition';
import { predictBlock } from './predict/definition';
import { recommendBlock } from './recommend/definition';
import { sampleBlock } from './sample/definition';
import { scaleBlock } from './scale/definition';
import { similarItemsBlock } from './similar-items/definition';
import { splitBlock } from './split/definition';
import { sqlBlock } from './sql/definition';
import { trainAlsBlock } from './train-als/definition';
import { tuneBlock } from './tune/definition';
import { typesBlock } from './types/definition';
import { unsupportedBlock } from './unsupported/definition';
import type { BlockDefinition } from './contract';

/**
 * Every block kind, in palette order. Explicit on purpose: nothing registers itself by being imported.
 * The studio's form registry is typed over these keys, so a kind without a form does not compile.
 */
export const blockRegistry = {
  import: importBlock,
  types: typesBlock,
  missing: missingBlock,
  scale: scaleBlock,
  'one-hot': oneHotBlock,
  ordinal: ordinalBlock,
  'multi-hot': multiHotBlock,
  formula: formulaBlock,
  sql: sqlBlock,
  aggregate: aggregateBlock,
  'manage-columns': manageColumnsBlock,
  filter: filterBlock,
  'manage-rows': manageRowsBlock,
  sample: sampleBlock,
  join: joinBlock,
  concat: concatBlock,
  split: splitBlock,
  'train-als': trainAlsBlock,
  tune: tuneBlock,
  predict: predictBlock,
  evaluate: evaluateBlock,
  recommend: recommendBlock,
  'similar-items': similarItemsBlock,
  unsupported: unsupportedBlock,
  export: exportBlock,
} as const;

export type BlockKind = keyof typeof blockRegistry;

/** The kind that writes a relation to a file: the studio's downloads go through it, so they match its exports. */
export const fileWriterKind = 'export' satisfies BlockKind;

export const blockKinds = Object.keys(blockRegistry) as BlockKind[];

export function isBlockKind(kind: string): kind is BlockKind {
  return Object.hasOwn(blockRegistry, kind);
}

/**
 * A definition with its parameter types erased, for the planner and executor, which handle every kind alike.
 * Params reaching it were parsed by that same definition's schema when the flow was loaded.
 */
export function blockDefinition(kind: BlockKind): BlockDefinition<unknown, unknown> {
  return blockRegistry[kind] as unknown as BlockDefinition<unknown, unknown>;
}
