/**
 * What the item-factor scatter can be coloured by: a column of the model's own `items` output (its bias, say), or a
 * column of any other output in the flow that has the item id, joined on it in the engine (the genre of the
 * `tracks` import).
 */
import type { Column } from '../../../engine/blocks/contract';
import type { FlowBlock } from '../../../engine/flow/schema';
import type { BlockState } from '../../../worker/engine-api';
import { blockTitle } from '../../blocks/hook-registry';
import { colourColumns } from './model-pages';

export type ColourChoice =
  | { kind: 'own'; value: string; label: string; column: Column }
  | { kind: 'joined'; value: string; label: string; column: Column; blockId: string; port: string; key: string };

/** The default column to colour by, where a joinable output has it. */
const DEFAULT_COLOUR = 'genre';

/** The items output's own columns, but the factors. */
export function ownColourChoices(columns: readonly Column[]): ColourChoice[] {
  return colourColumns(columns).map((column) => ({ kind: 'own', value: JSON.stringify(['own', column.name]), label: `${column.name} (${column.type})`, column }));
}

/**
 * Columns of the other outputs that have the item id column (its name matched as DuckDB matches names, without
 * case), in flow order: `genre — Tracks`. Outputs of the model block itself are its own.
 */
export function joinedColourChoices(
  blocks: readonly FlowBlock[],
  runtime: Readonly<Record<string, BlockState>>,
  modelBlockId: string,
  idColumn: string,
): ColourChoice[] {
  const id = idColumn.toLowerCase();
  const choices: ColourChoice[] = [];
  for (const block of blocks) {
    if (block.id === modelBlockId || id === '') continue;
    const outputs = Object.entries(runtime[block.id]?.outputs ?? {});
    for (const [port, columns] of outputs) {
      const key = columns.find((c) => c.name.toLowerCase() === id);
      if (!key) continue;
      const source = `${blockTitle(block)}${outputs.length > 1 ? ` (${port})` : ''}`;
      for (const column of columns) {
        if (column === key) continue;
        const value = JSON.stringify(['joined', block.id, port, column.name]);
        choices.push({ kind: 'joined', value, label: `${column.name} — ${source}`, column, blockId: block.id, port, key: key.name });
      }
    }
  }
  return choices;
}

/** The first choice named `genre` (without case), or none: the scatter then starts in one colour. */
export function defaultColourChoice(choices: readonly ColourChoice[]): ColourChoice | undefined {
  return choices.find((c) => c.column.name.toLowerCase() === DEFAULT_COLOUR);
}
