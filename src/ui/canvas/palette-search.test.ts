import { describe, expect, it } from 'vitest';
import { blockKinds } from '../../engine/blocks/registry';
import { bestMatch, familyOrder, matchRank, paletteGroups } from './palette-search';

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

  it('ranks title words above kind names above descriptions, and a match inside a word last', () => {
    expect(bestMatch('als')?.kind).toBe('train-als');
    expect(kinds('als').slice(0, 2).sort()).toEqual(['train-als', 'tune']);
    expect(kinds('als')).toContain('filter');
    expect(kinds('als').indexOf('filter')).toBeGreaterThan(kinds('als').indexOf('tune'));
    const item = { kind: 'train-als' as const, title: 'Train ALS', description: 'Learns totals' };
    expect(matchRank(item, 'als')).toBe(0);
    expect(matchRank(item, 'tra')).toBe(1);
    expect(matchRank(item, 'train-als')).toBe(2);
    expect(matchRank(item, 'learns')).toBe(4);
    expect(matchRank(item, 'tals')).toBe(6);
    expect(matchRank(item, 'zebra')).toBeUndefined();
  });

  it('puts the group of the best match first, and keeps family order with no query', () => {
    expect(paletteGroups('als')[0]!.family).toBe('model');
    expect(bestMatch('join')?.kind).toBe('join');
    expect(bestMatch('split')?.kind).toBe('split');
    expect(bestMatch('predict')?.kind).toBe('predict');
    expect(bestMatch('')?.kind).toBe(paletteGroups('')[0]!.items[0]!.kind);
    expect(bestMatch('no such block')).toBeUndefined();
  });
});
