import { blockDefinition, blockKinds, blockRegistry, type BlockKind } from '../../engine/blocks/registry';
import type { BlockFamily } from '../../engine/blocks/contract';

/** Families in the order an analyst meets them: read, clean, encode, transform, combine, split, write. */
export const familyOrder: readonly BlockFamily[] = ['input', 'clean', 'encode', 'transform', 'combine', 'split', 'model', 'output'];

export const familyLabels: Record<BlockFamily, string> = {
  input: 'Input',
  clean: 'Clean',
  encode: 'Encode',
  transform: 'Transform',
  combine: 'Combine',
  model: 'Model',
  split: 'Sample and split',
  output: 'Output',
};

export interface PaletteItem {
  kind: BlockKind;
  title: string;
  description: string;
}

export interface PaletteGroup {
  family: BlockFamily;
  label: string;
  items: PaletteItem[];
}

/** Whether every word of the query appears in the kind's title, kind name or description (case-insensitive). */
export function matchesQuery(item: PaletteItem, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const text = `${item.title} ${item.kind} ${item.description}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** The palette's groups for a search query, in family order; families with no match are left out. */
export function paletteGroups(query: string): PaletteGroup[] {
  const items: PaletteItem[] = blockKinds.filter((kind) => !blockDefinition(kind).paletteHidden).map((kind) => {
    const def = blockRegistry[kind];
    return { kind, title: def.title, description: def.description };
  });
  return familyOrder
    .map((family) => ({
      family,
      label: familyLabels[family],
      items: items.filter((item) => blockRegistry[item.kind].family === family && matchesQuery(item, query)),
    }))
    .filter((group) => group.items.length > 0);
}
