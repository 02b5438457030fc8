import { describe, expect, it } from 'vitest';
import { readableFit } from './readable-fit';

const limits = { padding: 24, minZoom: 11 / 13, maxZoom: 1 };
const pane = { width: 848, height: 448 };

describe('readableFit', () => {
  it('centres a small flow at zoom 1, never enlarging it', () => {
    expect(readableFit({ x: 0, y: 0, width: 200, height: 100 }, pane, limits)).toEqual({ x: 324, y: 174, zoom: 1 });
  });

  it('zooms out to fit a flow that fits at a readable zoom, centred', () => {
    const v = readableFit({ x: 100, y: 50, width: 900, height: 400 }, pane, limits);
    expect(v.zoom).toBeCloseTo(800 / 900);
    // The flow's centre lands on the pane's centre.
    expect(v.x + (100 + 450) * v.zoom).toBeCloseTo(pane.width / 2);
    expect(v.y + (50 + 200) * v.zoom).toBeCloseTo(pane.height / 2);
  });

  it('shows the start of a flow too big for the smallest readable zoom, and centres an axis that fits', () => {
    const v = readableFit({ x: -40, y: 10, width: 3000, height: 300 }, pane, limits);
    expect(v.zoom).toBe(limits.minZoom);
    // The left edge (the inputs) at the padding, not cut off by centring.
    expect(v.x + -40 * v.zoom).toBeCloseTo(24);
    expect(v.y + (10 + 150) * v.zoom).toBeCloseTo(pane.height / 2);
    const tall = readableFit({ x: 0, y: -100, width: 300, height: 2000 }, pane, limits);
    expect(tall.y + -100 * tall.zoom).toBeCloseTo(24);
    expect(tall.x + 150 * tall.zoom).toBeCloseTo(pane.width / 2);
  });

  it('copes with a pane smaller than its padding and an empty box', () => {
    const v = readableFit({ x: 0, y: 0, width: 0, height: 0 }, { width: 10, height: 10 }, limits);
    expect(Number.isFinite(v.x) && Number.isFinite(v.y)).toBe(true);
    expect(v.zoom).toBe(1);
  });
});
