/**
 * The plotly figures of the Training and Evaluation tabs, as pure functions of plain data: the loss curve, the
 * item-factor scatter and the observed × predicted heatmap. Every label from the data is escaped with `plainText`.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { TrainingPoint } from '../../state/training-state';
import { plainText } from '../chart/chart-spec';
import type { ColourValues, CrosstabCell } from './model-pages';
import type { PlaneProjection } from './pca';

export interface Figure {
  traces: Data[];
  layout: Partial<Layout>;
}

const ACCENT = '#2f6fde';
const SECOND = '#c8702a';
const THIRD = '#1f8a4c';
/** Categorical colours for a text "colour by" column: ten strong hues, then lighter ones. */
const CATEGORY_COLOURS = [
  '#2f6fde', '#c8702a', '#1f8a4c', '#c2417a', '#7c5cc4', '#0f8b8d', '#d4a800', '#c62f2f', '#8c5a2b', '#6b8e23',
  '#8fb3f0', '#f0b27a', '#7cc59a', '#e58fb5', '#b4a2e3', '#6cc4c5', '#f0d264', '#e88b8b', '#c49a6c', '#a9c46a',
];
/** The legend's length: past it, the least frequent labels share its last entry, in grey. */
export const MAX_COLOUR_CATEGORIES = CATEGORY_COLOURS.length;
const OTHERS_COLOUR = '#b8bec6';

interface LegendEntry {
  name: string;
  colour: string;
  points: number[];
}

/** Points grouped by label, most frequent first (ties alphabetical); the rarest fold into one "N others" entry. */
function legendEntries(values: readonly (string | null)[]): LegendEntry[] {
  const byLabel = new Map<string, number[]>();
  values.forEach((v, i) => {
    const label = v ?? '(null)';
    const points = byLabel.get(label);
    if (points) points.push(i);
    else byLabel.set(label, [i]);
  });
  const ranked = [...byLabel].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const shown = ranked.length <= MAX_COLOUR_CATEGORIES ? ranked : ranked.slice(0, MAX_COLOUR_CATEGORIES - 1);
  const entries = shown.map(([name, points], k) => ({ name, colour: CATEGORY_COLOURS[k]!, points }));
  const rest = ranked.slice(shown.length);
  if (rest.length > 0) {
    const points = rest.flatMap(([, p]) => p).sort((a, b) => a - b);
    entries.push({ name: `${rest.length.toLocaleString('en-US')} others`, colour: OTHERS_COLOUR, points });
  }
  return entries;
}

function baseLayout(xTitle: string, yTitle: string): Partial<Layout> {
  return {
    autosize: true,
    margin: { l: 64, r: 64, t: 12, b: 48 },
    font: { family: 'system-ui, sans-serif', size: 12, color: '#333' },
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    hovermode: 'closest',
    xaxis: { title: { text: xTitle }, automargin: true, gridcolor: '#eee', zeroline: false },
    yaxis: { title: { text: yTitle }, automargin: true, gridcolor: '#eee', zeroline: false },
  };
}

/**
 * Loss per iteration on the left axis; train and validation RMSE, when the trainer reports them, on the right one.
 * The x axis spans every iteration asked for, so a live curve shows how far the training has come.
 */
export function lossFigure(points: readonly TrainingPoint[], maxIter: number | undefined): Figure {
  const iterations = points.map((p) => p.iteration);
  const traces: Data[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'loss',
      x: iterations,
      y: points.map((p) => p.loss),
      line: { color: ACCENT },
      marker: { size: 5 },
      hovertemplate: 'iteration %{x}: loss %{y:.5g}<extra></extra>',
    },
  ];
  const rmse = (key: 'trainRmse' | 'validationRmse', name: string, color: string, dash: 'dot' | 'solid') => {
    if (!points.some((p) => p[key] !== undefined)) return;
    traces.push({
      type: 'scatter',
      mode: 'lines+markers',
      name,
      x: iterations,
      y: points.map((p) => p[key] ?? null),
      yaxis: 'y2',
      line: { color, dash },
      marker: { size: 4 },
      hovertemplate: `iteration %{x}: ${name} %{y:.4f}<extra></extra>`,
    });
  };
  rmse('trainRmse', 'train RMSE', SECOND, 'dot');
  rmse('validationRmse', 'validation RMSE', THIRD, 'solid');
  const base = baseLayout('iteration', 'loss');
  const last = Math.max(maxIter ?? 0, iterations.at(-1) ?? 1, 1);
  return {
    traces,
    layout: {
      ...base,
      showlegend: traces.length > 1,
      legend: { orientation: 'h', x: 0, y: 1.12 },
      xaxis: { ...base.xaxis, range: [0.5, last + 0.5], dtick: last <= 20 ? 1 : undefined },
      ...(traces.length > 1 ? { yaxis2: { title: { text: 'RMSE' }, overlaying: 'y', side: 'right', showgrid: false, zeroline: false } } : {}),
    },
  };
}

/** The items on their first two principal components, coloured by the picked column if any. */
export function factorFigure(projection: PlaneProjection, ids: readonly string[], colour: ColourValues | undefined): Figure {
  const pct = (share: number) => `${(share * 100).toFixed(1)}% of variance`;
  const layout = baseLayout(`PC 1 (${pct(projection.explained[0])})`, `PC 2 (${pct(projection.explained[1])})`);
  const text = ids.map(plainText);
  const marker = { size: 6, opacity: 0.7 };
  const points = (indices: number[]) => ({ x: indices.map((i) => projection.x[i]!), y: indices.map((i) => projection.y[i]!), text: indices.map((i) => text[i]!) });
  const all = ids.map((_, i) => i);
  // SVG, not WebGL: a few thousand points draw well either way, and SVG works where WebGL is off.
  const trace = (indices: number[], name: string, extra: object): Data => ({
    type: 'scatter',
    mode: 'markers',
    name,
    ...points(indices),
    hovertemplate: '%{text}<extra></extra>',
    ...extra,
  });
  if (colour?.kind === 'number') {
    const values = colour.values.map((v) => v ?? Number.NaN);
    const scale = { color: values, colorscale: 'Viridis', showscale: true, colorbar: { title: { text: plainText(colour.name) }, thickness: 12 } };
    return { traces: [trace(all, 'items', { marker: { ...marker, ...scale } })], layout: { ...layout, showlegend: false } };
  }
  if (colour?.kind === 'text') {
    // One trace per label, so that plotly draws a legend whose entries hide and show their points.
    const traces = legendEntries(colour.values).map((e) => trace(e.points, plainText(e.name), { marker: { ...marker, color: e.colour } }));
    return { traces, layout: { ...layout, showlegend: true, legend: { title: { text: plainText(colour.name) } } } };
  }
  return { traces: [trace(all, 'items', { marker: { ...marker, color: ACCENT } })], layout: { ...layout, showlegend: false } };
}

/** Observed ratings down, predicted across, the count in each cell (written in it): the diagonal is exact. */
export function crosstabFigure(cells: readonly CrosstabCell[]): Figure {
  const xs = [...new Set(cells.map((c) => c.predicted))].sort((a, b) => a - b);
  const ys = [...new Set(cells.map((c) => c.observed))].sort((a, b) => a - b);
  const z = ys.map(() => xs.map((): number | null => null));
  for (const c of cells) z[ys.indexOf(c.observed)]![xs.indexOf(c.predicted)] = c.count;
  const base = baseLayout('predicted (rounded to the scale)', 'observed');
  return {
    traces: [
      {
        type: 'heatmap',
        x: xs.map(String),
        y: ys.map(String),
        z,
        colorscale: [
          [0, '#f3f6fc'],
          [1, ACCENT],
        ],
        texttemplate: '%{z}',
        hovertemplate: 'observed %{y}, predicted %{x}: %{z}<extra></extra>',
        colorbar: { title: { text: 'count' }, thickness: 12 },
      } as Data,
    ],
    layout: { ...base, xaxis: { ...base.xaxis, type: 'category' }, yaxis: { ...base.yaxis, type: 'category' } },
  };
}
