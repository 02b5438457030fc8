import { describe, expect, it } from 'vitest';
import { binLabel, histogramAxis, histogramPeak, scaleHistogram } from './histogram-scale';

describe('histogram scaling', () => {
  it('scales heights to the tallest bin and fills the width', () => {
    const bars = scaleHistogram(
      [
        { lo: 0, hi: 1, count: 10 },
        { lo: 1, hi: 2, count: 5 },
        { lo: 2, hi: 3, count: 0 },
        { lo: 3, hi: 4, count: 20 },
      ],
      100,
      40,
      2,
    );
    expect(bars.map((b) => b.height)).toEqual([20, 10, 0, 40]);
    expect(bars.map((b) => b.y)).toEqual([20, 30, 40, 0]);
    expect(bars.map((b) => b.x)).toEqual([0, 25, 50, 75]);
    expect(bars[0]!.width).toBe(23);
  });

  it('keeps a rare non-empty bin visible next to a huge one', () => {
    const bars = scaleHistogram(
      [
        { lo: 'Pop', count: 1_000_000 },
        { lo: 'Folk', count: 1 },
      ],
      20,
      20,
      1,
      1,
    );
    expect(bars[1]!.height).toBe(1);
  });

  it('draws nothing for no bins, and flat zero bars for all-zero counts', () => {
    expect(scaleHistogram([], 100, 20)).toEqual([]);
    expect(scaleHistogram([{ lo: 0, hi: 1, count: 0 }], 100, 20)[0]!.height).toBe(0);
  });

  it('labels bins and axes', () => {
    expect(binLabel({ lo: 1.5, hi: 2.25, count: 3 })).toBe('1.5 – 2.25');
    expect(binLabel({ lo: 'Reggae', count: 3 })).toBe('Reggae');
    expect(histogramAxis([{ lo: 0, hi: 2.5, count: 1 }, { lo: 2.5, hi: 5, count: 2 }])).toEqual({ start: '0', end: '5' });
    expect(histogramAxis([{ lo: 'a', count: 1 }, { lo: 'z', count: 2 }])).toEqual({ start: 'a', end: 'z' });
    expect(histogramAxis([])).toBeUndefined();
    expect(histogramPeak([{ lo: 0, count: 3 }, { lo: 1, count: 9 }])).toBe(9);
  });
});
