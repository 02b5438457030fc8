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

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
const queryWords = (query: string): string[] => query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);

/**
 * How well one query word fits an item, lower is better; undefined when it appears nowhere. A whole word of the title
 * beats the start of one, which beats the kind's name, which beats a word of the description; a match inside a word
 * ("als" in "totals", "false") comes last. So "als" finds Train ALS before Filter rows.
 */
function wordRank(item: PaletteItem, word: string): number | undefined {
  const title = wordsOf(item.title);
  const description = wordsOf(item.description);
  if (title.includes(word)) return 0;
  if (title.some((w) => w.startsWith(word))) return 1;
  if (item.kind === word || item.kind.startsWith(word)) return 2;
  if (item.kind.includes(word) || item.title.toLowerCase().includes(word)) return 3;
  if (description.includes(word)) return 4;
  if (description.some((w) => w.startsWith(word))) return 5;
  if (item.description.toLowerCase().includes(word)) return 6;
  return undefined;
}

/** The item's rank for the query (lower is better), or undefined when a word of the query does not appear in it. */
export function matchRank(item: PaletteItem, query: string): number | undefined {
  let total = 0;
  for (const word of queryWords(query)) {
    const rank = wordRank(item, word);
    if (rank === undefined) return undefined;
    total += rank;
  }
  return total;
}

/** Whether every word of the query appears in the kind's title, kind name or description (case-insensitive). */
export function matchesQuery(item: PaletteItem, query: string): boolean {
  return matchRank(item, query) !== undefined;
}

function paletteItems(): PaletteItem[] {
  return blockKinds.filter((kind) => !blockDefinition(kind).paletteHidden).map((kind) => {
    const def = blockRegistry[kind];
    return { kind, title: def.title, description: def.description };
  });
}

/**
 * The palette's groups for a search query; families with no match are left out. With no query they come in family
 * order; with one, best match first (the group holding it, and within each group), so the first item shown is the one
 * Enter adds.
 */
export function paletteGroups(query: string): PaletteGroup[] {
  const ranked = paletteItems().flatMap((item) => {
    const rank = matchRank(item, query);
    return rank === undefined ? [] : [{ item, rank }];
  });
  const groups = familyOrder.map((family, order) => {
    const members = ranked.filter(({ item }) => blockRegistry[item.kind].family === family);
    // A stable sort: equal ranks keep the registry's order.
    members.sort((a, b) => a.rank - b.rank);
    return { family, order, best: members[0]?.rank ?? Infinity, items: members.map((m) => m.item) };
  });
  return groups
    .filter((group) => group.items.length > 0)
    .sort((a, b) => a.best - b.best || a.order - b.order)
    .map(({ family, items }) => ({ family, label: familyLabels[family], items }));
}

/** The block Enter in the search box adds: the best match, if any. */
export function bestMatch(query: string): PaletteItem | undefined {
  return paletteGroups(query)[0]?.items[0];
}
