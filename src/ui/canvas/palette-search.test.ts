import { describe, expect, it } from 'vitest';
import { blockKinds } from '../../engine/blocks/registry';
import { familyOrder, paletteGroups } from './palette-search';

const kinds = (query: string) => paletteGroups(query).flatMap((g) => g.items.map((i) => i.kind));

describe('paletteGroups', () => {
  it('lists every kind but the importer placeholder once, grouped in family order, when the query is empty', () => {
    const groups = paletteGroups('');
    // `unsupported` is an importer's placeholder for a step it could not translate: nobody adds one by hand.
    expect(kinds('').sort()).toEqual(blockKinds.filter((k) => k !== 'unsupported').sort());
    const order = groups.map((g) => familyOrder.indexOf(g.family));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(groups[0]).toMatchObject({ family: 'input', label: 'Input' });
  });

  it('matches titles, kind names and descriptions, ignoring case', () => {
    expect(kinds('JOIN')).toContain('join');
    expect(kinds('one-hot')).toEqual(['one-hot']);
    expect(kinds('parquet')).toEqual(expect.arrayContaining(['import', 'export']));
  });

  it('needs every word of the query to match', () => {
    expect(kinds('split seeded')).toContain('split');
    expect(kinds('split zebra')).toEqual([]);
  });

  it('leaves out families with no match', () => {
    expect(paletteGroups('aggregate').map((g) => g.family)).toEqual(['transform']);
    expect(paletteGroups('no such block at all')).toEqual([]);
  });
});
