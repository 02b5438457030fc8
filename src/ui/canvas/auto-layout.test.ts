import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFlow } from '../../engine/flow/parse';
import { autoLayout, freeSpotNear, LAYER_GAP, placeBlocks, ROW_GAP, unstoredPositions } from './auto-layout';
import { formulaBlock, importBlock, joinBlock, splitBlock, testFlow, type EdgeTuple } from './test-flow';

const layerOf = (positions: Record<string, { x: number }>, id: string): number => positions[id]!.x / LAYER_GAP;

describe('autoLayout', () => {
  it('puts each block one layer right of its furthest input (longest path from a source)', () => {
    // a → f1 → f2 → j(left); b → j(right): j sits after f2, not after b.
    const blocks = [importBlock('a'), importBlock('b'), formulaBlock('f1'), formulaBlock('f2'), joinBlock('j')];
    const edges: EdgeTuple[] = [
      ['a', 'out', 'f1', 'in'],
      ['f1', 'out', 'f2', 'in'],
      ['f2', 'out', 'j', 'left'],
      ['b', 'out', 'j', 'right'],
    ];
    const positions = autoLayout(testFlow(blocks, edges));
    expect(['a', 'b', 'f1', 'f2', 'j'].map((id) => layerOf(positions, id))).toEqual([0, 0, 1, 2, 3]);
  });

  it('spreads the blocks of one layer vertically, centred on y = 0, one row apart', () => {
    const positions = autoLayout(testFlow([importBlock('a'), importBlock('b'), importBlock('c')]));
    expect(['a', 'b', 'c'].map((id) => positions[id]!.y)).toEqual([-ROW_GAP, 0, ROW_GAP]);
  });

  it('orders a layer by where its inputs sit, so lines do not cross', () => {
    // Declared in the opposite order of their inputs.
    const blocks = [importBlock('top'), importBlock('bottom'), formulaBlock('fromBottom'), formulaBlock('fromTop')];
    const edges: EdgeTuple[] = [
      ['bottom', 'out', 'fromBottom', 'in'],
      ['top', 'out', 'fromTop', 'in'],
    ];
    const positions = autoLayout(testFlow(blocks, edges));
    expect(positions.fromTop!.y).toBeLessThan(positions.fromBottom!.y);
  });

  it('lays out a split with its two exports in the next layer', () => {
    const blocks = [importBlock('a'), splitBlock('s'), { id: 'e1', kind: 'export', params: { file: 'train.csv' } }, { id: 'e2', kind: 'export', params: { file: 'test.csv' } }];
    const edges: EdgeTuple[] = [
      ['a', 'out', 's', 'in'],
      ['s', 'train', 'e1', 'in'],
      ['s', 'test', 'e2', 'in'],
    ];
    const positions = autoLayout(testFlow(blocks, edges));
    expect(layerOf(positions, 'e1')).toBe(2);
    expect(layerOf(positions, 'e2')).toBe(2);
    expect(positions.e1!.y).not.toBe(positions.e2!.y);
  });

  it('gives every block of the music flow a distinct position', () => {
    const doc = parseFlow(readFileSync('sample-data/flows/music-recommendation.flow.json', 'utf8'));
    const positions = autoLayout(doc);
    expect(Object.keys(positions).sort()).toEqual(doc.blocks.map((b) => b.id).sort());
    const spots = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(doc.blocks.length);
  });
});

describe('placeBlocks', () => {
  it('keeps stored positions and lays out only the blocks without one', () => {
    const doc = testFlow([importBlock('a'), formulaBlock('f')], [['a', 'out', 'f', 'in']], { a: { x: 500, y: 40 } });
    const placed = placeBlocks(doc);
    expect(placed.a).toEqual({ x: 500, y: 40 });
    expect(placed.f).toEqual({ x: LAYER_GAP, y: 0 });
  });

  it('moves an automatic position down until it covers no stored block', () => {
    const doc = testFlow([importBlock('a'), importBlock('b')], [], { a: { x: 0, y: 0 }, });
    const placed = placeBlocks(doc);
    // b's automatic spot (0, ROW_GAP / 2) overlaps a; it moves down one row at a time until free.
    expect(placed.b!.x).toBe(0);
    expect(Math.abs(placed.b!.y - placed.a!.y)).toBeGreaterThanOrEqual(120);
  });

  it('reports the blocks shown at automatic positions, so a drag can record them', () => {
    const doc = testFlow([importBlock('a'), formulaBlock('f')], [['a', 'out', 'f', 'in']], { a: { x: 0, y: 0 } });
    expect(unstoredPositions(doc, placeBlocks(doc))).toEqual({ f: { x: LAYER_GAP, y: 0 } });
  });
});

describe('freeSpotNear', () => {
  it('keeps the spot when it is free', () => {
    expect(freeSpotNear({ x: 100, y: 100 }, [{ x: 600, y: 600 }])).toEqual({ x: 100, y: 100 });
  });

  it('moves to the nearest free spot when a block is there', () => {
    const spot = freeSpotNear({ x: 0, y: 0 }, [{ x: 10, y: 10 }]);
    expect(spot.x).toBe(0);
    expect(Math.abs(spot.y)).toBe(130);
  });

  it('never returns a spot on top of a block while one is free nearby', () => {
    const taken = [{ x: 0, y: 0 }, { x: 0, y: 130 }, { x: 0, y: -130 }];
    let placed = [...taken];
    for (let i = 0; i < 5; i++) {
      const spot = freeSpotNear({ x: 0, y: 0 }, placed);
      expect(placed.every((p) => Math.abs(p.x - spot.x) >= 220 || Math.abs(p.y - spot.y) >= 120)).toBe(true);
      placed = [...placed, spot];
    }
  });
});
