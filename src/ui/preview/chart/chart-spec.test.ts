import { describe, expect, it } from 'vitest';
import type { ChartData } from '../../../worker/engine-api';
import { CHART_LIMITS, chartHeights, chartRequest, defaultChartPick, heatmapGrid, isIdLikeColumn, plainText, plotlyFigure, resolveChartPick } from './chart-spec';

describe('chart requests', () => {
  it('asks for a bounded number of points per kind', () => {
    expect(chartRequest('b', 'out', 'scatter', 'x', 'y')?.limit).toBe(2000);
    expect(chartRequest('b', 'out', 'bar', 'genre', '')).toEqual({ blockId: 'b', port: 'out', kind: 'bar', x: 'genre', limit: CHART_LIMITS.bar });
    expect(chartRequest('b', 'out', 'heatmap', 'x', 'y')?.limit).toBe(30);
  });

  it('waits until every needed column is picked', () => {
    expect(chartRequest('b', 'out', 'scatter', 'x', '')).toBeUndefined();
    expect(chartRequest('b', 'out', 'histogram', '', '')).toBeUndefined();
  });
});

describe('plotly figures', () => {
  it('escapes markup in data so plotly draws it as text', () => {
    expect(plainText('<img src=x onerror=alert(1)> & co')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    const data: ChartData = { kind: 'bar', x: ['<b>Pop</b>', null], z: [3, 1], sampled: false };
    const { traces, layout } = plotlyFigure(data, 'genre<script>', undefined);
    expect(traces[0]).toMatchObject({ type: 'bar', x: ['&lt;b&gt;Pop&lt;/b&gt;', null], y: [3, 1] });
    expect(layout.xaxis?.title).toEqual({ text: 'genre&lt;script&gt;' });
  });

  it('shows values only in hover text', () => {
    const data: ChartData = { kind: 'scatter', x: [1, 2], y: [3, 4], sampled: true };
    const [trace] = plotlyFigure(data, 'a', 'b').traces;
    expect(trace).toMatchObject({ hovertemplate: '%{x}, %{y}<extra></extra>' });
  });

  it('draws numeric histogram bins from their lower edges, as wide as a bin', () => {
    const data: ChartData = { kind: 'histogram', x: [0, 0.5, 1], z: [4, 5, 6], sampled: false };
    expect(plotlyFigure(data, 'r', undefined).traces[0]).toMatchObject({ offset: 0, width: 0.5, y: [4, 5, 6] });
    expect(chartHeights({ kind: 'histogram', x: [0], y: [7], sampled: false })).toEqual([7]);
  });

  it('centres a bar on each value of a whole-number histogram', () => {
    const trace = plotlyFigure({ kind: 'histogram', x: [1, 2, 3], z: [4, 0, 6], sampled: false, byValue: true }, 'Rating', undefined).traces[0]!;
    expect(trace).toMatchObject({ x: [1, 2, 3], y: [4, 0, 6] });
    expect(trace).not.toHaveProperty('offset');
  });

  it('turns heatmap cells into a grid with empty cells left empty', () => {
    const data: ChartData = { kind: 'heatmap', x: [2, 1, 2], y: ['b', 'a', 'a'], z: [5, 6, 7], sampled: false };
    expect(heatmapGrid(data)).toEqual({
      x: [1, 2],
      y: ['b', 'a'],
      z: [
        [null, 5],
        [6, 7],
      ],
    });
  });
});

describe('chart picks', () => {
  const columns = [
    { name: 'genre', type: 'VARCHAR' },
    { name: 'userId', type: 'BIGINT' },
    { name: 'rating', type: 'DOUBLE' },
    { name: 'energy', type: 'DOUBLE' },
  ];

  it('defaults to measures, then other numbers, ids last, and to a text column for bar categories', () => {
    expect(resolveChartPick({ kind: 'histogram', x: '', y: '' }, columns)).toEqual({ kind: 'histogram', x: 'rating', y: '' });
    expect(resolveChartPick({ kind: 'scatter', x: '', y: '' }, columns)).toEqual({ kind: 'scatter', x: 'rating', y: 'energy' });
    expect(resolveChartPick({ kind: 'bar', x: '', y: '' }, columns)).toEqual({ kind: 'bar', x: 'genre', y: '' });
  });

  it('keeps valid picks and replaces columns a re-run removed', () => {
    expect(resolveChartPick({ kind: 'heatmap', x: 'userId', y: 'genre' }, columns)).toEqual({ kind: 'heatmap', x: 'userId', y: 'genre' });
    expect(resolveChartPick({ kind: 'scatter', x: 'gone', y: 'rating' }, columns)).toEqual({ kind: 'scatter', x: 'energy', y: 'rating' });
  });

  it.each([
    ['ratings: the rating, not the first id', [['userId', 'BIGINT'], ['movieId', 'BIGINT'], ['rating', 'DOUBLE'], ['timestamp', 'BIGINT']], { kind: 'histogram', x: 'rating', y: '' }],
    ['a numeric column that is not an id', [['trackId', 'VARCHAR'], ['tempo', 'DOUBLE']], { kind: 'histogram', x: 'tempo', y: '' }],
    ['a measure named as one before other numbers', [['ts', 'BIGINT'], ['Rating', 'BIGINT']], { kind: 'histogram', x: 'Rating', y: '' }],
    ['categories when every number is an id', [['movieId', 'BIGINT'], ['title', 'VARCHAR'], ['genres', 'VARCHAR']], { kind: 'bar', x: 'title', y: '' }],
    ['an id when nothing else is there', [['userId', 'BIGINT']], { kind: 'histogram', x: 'userId', y: '' }],
    ['nothing for no columns', [], { kind: 'histogram', x: '', y: '' }],
  ])('opens on %s', (_what, cols, pick) => {
    expect(defaultChartPick(cols.map(([name, type]) => ({ name: name!, type: type! })))).toEqual(pick);
  });

  it.each(['id', 'ID', 'userId', 'movie_id', 'trackId_0', 'ratingEventId', 'itemID', 'uid', 'id_user'])('%s is an id', (name) => {
    expect(isIdLikeColumn(name)).toBe(true);
  });

  it.each(['valid', 'paid', 'rating', 'idle', 'userName', 'squid'])('%s is not an id', (name) => {
    expect(isIdLikeColumn(name)).toBe(false);
  });
});
