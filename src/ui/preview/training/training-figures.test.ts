import { describe, expect, it } from 'vitest';
import { crosstabFigure, factorFigure, lossFigure, MAX_COLOUR_CATEGORIES } from './training-figures';

type Trace = { name?: string; x?: unknown[]; y?: unknown[]; z?: unknown[][]; yaxis?: string; text?: string[]; marker?: { color?: unknown } };

describe('the loss figure', () => {
  it('draws the loss per iteration, over every iteration asked for', () => {
    const { traces, layout } = lossFigure(
      [
        { iteration: 1, loss: 3 },
        { iteration: 2, loss: 2 },
      ],
      200,
    );
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({ name: 'loss', x: [1, 2], y: [3, 2] });
    expect(layout.xaxis?.range).toEqual([0.5, 200.5]);
    expect(layout.yaxis2).toBeUndefined();
  });

  it('puts train and validation RMSE on a second axis when reported', () => {
    const { traces, layout } = lossFigure(
      [
        { iteration: 1, loss: 3, trainRmse: 1.1 },
        { iteration: 2, loss: 2, trainRmse: 1, validationRmse: 1.2 },
      ],
      2,
    );
    expect((traces as Trace[]).map((t) => [t.name, t.yaxis, t.y])).toEqual([
      ['loss', undefined, [3, 2]],
      ['train RMSE', 'y2', [1.1, 1]],
      ['validation RMSE', 'y2', [null, 1.2]],
    ]);
    expect(layout.yaxis2).toMatchObject({ overlaying: 'y', side: 'right' });
  });
});

describe('the factor scatter', () => {
  const projection = { x: Float64Array.from([1, 2, 3]), y: Float64Array.from([-1, 0, 1]), explained: [0.6, 0.25] as [number, number] };

  it('plots every item with its id as hover text (escaped), axes saying how much variance they hold', () => {
    const { traces, layout } = factorFigure(projection, ['a', '<b>', 'c'], undefined);
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({ x: [1, 2, 3], y: [-1, 0, 1], text: ['a', '&lt;b&gt;', 'c'] });
    expect(layout.xaxis?.title).toEqual({ text: 'PC 1 (60.0% of variance)' });
    expect(layout.yaxis?.title).toEqual({ text: 'PC 2 (25.0% of variance)' });
  });

  it('colours by a numeric column on a scale, and by a text column with one trace per label', () => {
    const numeric = factorFigure(projection, ['a', 'b', 'c'], { kind: 'number', name: 'bias', values: [0.1, null, 0.3] });
    expect((numeric.traces[0] as Trace).marker?.color).toEqual([0.1, Number.NaN, 0.3]);
    const text = factorFigure(projection, ['a', 'b', 'c'], { kind: 'text', name: 'genre', values: ['rock', 'jazz', 'rock'] });
    expect((text.traces as Trace[]).map((t) => [t.name, t.x])).toEqual([
      ['rock', [1, 3]],
      ['jazz', [2]],
    ]);
    expect(text.layout).toMatchObject({ showlegend: true, legend: { title: { text: 'genre' } } });
  });

  it('gives every label of a short list its own colour, most frequent first, NULLs as a label of their own', () => {
    const n = MAX_COLOUR_CATEGORIES;
    const labels = Array.from({ length: n - 1 }, (_, i) => `g${String(i).padStart(2, '0')}`);
    // g00 once, g01 twice, …: the legend runs from the most frequent down.
    const values: (string | null)[] = labels.flatMap((l, i) => Array<string>(i + 1).fill(l));
    values.push(null);
    const points = { x: new Float64Array(values.length), y: new Float64Array(values.length), explained: [1, 0] as [number, number] };
    const { traces } = factorFigure(points, values.map((_, i) => `id${i}`), { kind: 'text', name: 'genre', values });
    const names = (traces as Trace[]).map((t) => t.name);
    expect(names).toHaveLength(n);
    expect(names.slice(0, 3)).toEqual(['g18', 'g17', 'g16']);
    expect(names).toContain('(null)');
    expect(new Set((traces as Trace[]).map((t) => t.marker?.color)).size).toBe(n);
  });

  it('folds the rarest labels of a long list into one grey entry, every point still drawn once', () => {
    const n = MAX_COLOUR_CATEGORIES + 5;
    const values = Array.from({ length: n }, (_, i) => (i < 3 ? 'common' : `rare${i}`));
    values.push('common', 'common');
    const points = { x: Float64Array.from(values.map((_, i) => i)), y: new Float64Array(values.length), explained: [1, 0] as [number, number] };
    const { traces } = factorFigure(points, values.map((_, i) => `id${i}`), { kind: 'text', name: 'id', values });
    const drawn = traces as Trace[];
    expect(drawn).toHaveLength(MAX_COLOUR_CATEGORIES);
    expect(drawn[0]).toMatchObject({ name: 'common', x: [0, 1, 2, n, n + 1] });
    expect(drawn.at(-1)).toMatchObject({ name: `${n - 3 - (MAX_COLOUR_CATEGORIES - 2)} others`, marker: { color: '#b8bec6' } });
    expect(drawn.flatMap((t) => t.x as number[]).sort((a, b) => a - b)).toEqual(values.map((_, i) => i));
  });
});

describe('the crosstab heatmap', () => {
  it('puts observed down and predicted across, with empty cells left empty', () => {
    const { traces } = crosstabFigure([
      { observed: 1, predicted: 1, count: 5 },
      { observed: 1, predicted: 2, count: 2 },
      { observed: 2, predicted: 2, count: 7 },
    ]);
    expect(traces[0]).toMatchObject({
      type: 'heatmap',
      x: ['1', '2'],
      y: ['1', '2'],
      z: [
        [5, 2],
        [null, 7],
      ],
    });
  });
});
