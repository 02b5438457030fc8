import type { Data, Layout } from 'plotly.js-dist-min';
import { isNumericType } from '../../../engine/blocks/columns';
import type { Column } from '../../../engine/blocks/contract';
import type { ChartData, ChartKind, ChartRequest } from '../../../worker/engine-api';

export const CHART_KINDS: readonly { kind: ChartKind; label: string }[] = [
  { kind: 'histogram', label: 'Histogram' },
  { kind: 'scatter', label: 'Scatter' },
  { kind: 'bar', label: 'Bar' },
  { kind: 'heatmap', label: 'Heatmap' },
];

/** Most points or bins per chart: the engine bins, aggregates or samples (seeded) down to this in SQL. */
export const CHART_LIMITS: Readonly<Record<ChartKind, number>> = {
  histogram: 40,
  scatter: 2000,
  bar: 50,
  // Bins per axis: a 30 × 30 grid.
  heatmap: 30,
};

/** Scatter and heatmap plot one column against another; histogram and bar count one column. */
export function needsY(kind: ChartKind): boolean {
  return kind === 'scatter' || kind === 'heatmap';
}

/** What the user picked in the chart tab; empty names mean "not picked". */
export interface ChartPick {
  kind: ChartKind;
  x: string;
  y: string;
}

/**
 * Whether a column is named like an identifier (`id`, `userId`, `movie_id`, `trackId_0`, `ID`): its values are
 * labels, so a histogram of them says nothing. Plain words ending in "id" (`valid`, `paid`) are not ids.
 */
export function isIdLikeColumn(name: string): boolean {
  const base = name.replace(/_\d+$/, '');
  return /^(id|uid|iid|index|key)$/i.test(base) || /(_id|[a-z0-9]Id|[a-z0-9]ID)$/.test(base) || /^id_/i.test(base);
}

/** Names of the measures people chart first: ratings, scores, predictions, amounts. */
const MEASURE_NAME = /rating|score|stars?$|predict|value|amount|price|total|count|weight|error|rmse|mae/i;

/**
 * The columns in the order a chart's axis should take them: measures named as such, then other numbers, then text
 * (for a bar chart's categories, text first), with id-like columns last.
 */
function axisPreference(columns: readonly Column[], kind: ChartKind): string[] {
  const rank = (c: Column): number => {
    const numeric = isNumericType(c.type);
    const id = isIdLikeColumn(c.name);
    if (id) return 10 + (numeric ? 0 : 1);
    if (kind === 'bar') return numeric ? 2 : 0;
    if (!numeric) return 3;
    return MEASURE_NAME.test(c.name) ? 0 : 1;
  };
  // A stable sort: equal ranks keep the output's column order.
  return [...columns].sort((a, b) => rank(a) - rank(b)).map((c) => c.name);
}

/**
 * The chart a block's output opens on before the user picks one: a histogram of its most meaningful number (a
 * rating, a score, else any number that is not an id), or a bar chart of a text column when every number is an id.
 */
export function defaultChartPick(columns: readonly Column[]): ChartPick {
  const measures = columns.filter((c) => isNumericType(c.type) && !isIdLikeColumn(c.name));
  const labels = columns.filter((c) => !isNumericType(c.type) && !isIdLikeColumn(c.name));
  const kind: ChartKind = measures.length === 0 && labels.length > 0 ? 'bar' : 'histogram';
  return resolveChartPick({ kind, x: '', y: '' }, columns);
}

/**
 * The pick, completed against the output's columns: a column a re-run removed is replaced, and an unpicked axis
 * defaults to the most meaningful column for the chart (see axisPreference).
 */
export function resolveChartPick(pick: ChartPick, columns: readonly Column[]): ChartPick {
  const names = new Set(columns.map((c) => c.name));
  // A replaced x leaves a still-valid y where it is.
  const keptY = needsY(pick.kind) && names.has(pick.y) ? pick.y : undefined;
  const xChoices = axisPreference(columns, pick.kind);
  const x = names.has(pick.x) ? pick.x : (xChoices.find((n) => n !== keptY) ?? xChoices[0] ?? '');
  const yChoices = axisPreference(columns, 'scatter').filter((n) => n !== x);
  const y = names.has(pick.y) && pick.y !== x ? pick.y : (yChoices[0] ?? '');
  return { kind: pick.kind, x, y: needsY(pick.kind) ? y : '' };
}

/** The engine request for the picked chart, or undefined while a needed column is not picked. */
export function chartRequest(blockId: string, port: string, kind: ChartKind, x: string, y: string): ChartRequest | undefined {
  if (!x) return undefined;
  if (needsY(kind)) return y ? { blockId, port, kind, x, y, limit: CHART_LIMITS[kind] } : undefined;
  return { blockId, port, kind, x, limit: CHART_LIMITS[kind] };
}

/**
 * Plotly reads a few HTML tags and entities in every label it draws, data values included. Escaping `&`, `<` and `>`
 * as entities makes it draw a value's own characters, so no value from the data is ever read as markup.
 */
export function plainText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Value = number | string | null;

function plainValues(values: readonly Value[]): Value[] {
  return values.map((v) => (typeof v === 'string' ? plainText(v) : v));
}

/** Bar or bin heights: the engine sends them in `z`, older answers in `y`. */
export function chartHeights(data: ChartData): number[] {
  if (data.z) return data.z;
  return (data.y ?? []).map((v) => (typeof v === 'number' ? v : Number(v ?? 0)));
}

/** Turns the engine's (x, y, count) cells into the grid plotly's heatmap draws. Missing cells stay empty. */
export function heatmapGrid(data: ChartData): { x: Value[]; y: Value[]; z: (number | null)[][] } {
  const xs = distinctSorted(data.x);
  const ys = distinctSorted(data.y ?? []);
  const xAt = new Map(xs.map((v, i) => [v, i] as const));
  const yAt = new Map(ys.map((v, i) => [v, i] as const));
  const z = ys.map(() => xs.map((): number | null => null));
  data.x.forEach((xv, i) => {
    const xi = xAt.get(xv);
    const yi = yAt.get(data.y?.[i] ?? null);
    const row = yi === undefined ? undefined : z[yi];
    if (xi !== undefined && row) row[xi] = data.z?.[i] ?? 0;
  });
  return { x: plainValues(xs), y: plainValues(ys), z };
}

function distinctSorted(values: readonly Value[]): Value[] {
  const distinct = [...new Set(values)];
  if (distinct.every((v) => typeof v === 'number')) return (distinct as number[]).sort((a, b) => a - b);
  return distinct;
}

/** Width of numeric histogram bins, taken from the first two lower edges. */
function binWidth(x: readonly Value[]): number | undefined {
  const [a, b] = x;
  return typeof a === 'number' && typeof b === 'number' && b > a ? b - a : undefined;
}

const ACCENT = '#2f6fde';
/** Empty cells light, dense cells in the accent colour. */
const HEAT: [number, string][] = [
  [0, '#f3f6fc'],
  [1, ACCENT],
];

/** The plotly traces and layout for one chart. Hover text shows values only, as plain text. */
export function plotlyFigure(data: ChartData, xName: string, yName: string | undefined): { traces: Data[]; layout: Partial<Layout> } {
  const x = plainValues(data.x);
  const layout: Partial<Layout> = {
    autosize: true,
    margin: { l: 64, r: 16, t: 12, b: 56 },
    font: { family: 'system-ui, sans-serif', size: 12, color: '#333' },
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    hovermode: 'closest',
    xaxis: { title: { text: plainText(xName) }, automargin: true, gridcolor: '#eee' },
    yaxis: { title: { text: plainText(yName ?? 'count') }, automargin: true, gridcolor: '#eee' },
  };
  switch (data.kind) {
    case 'histogram': {
      // Bins are drawn from their lower edges; a histogram of whole numbers centres a bar on each value.
      const width = data.byValue ? undefined : binWidth(data.x);
      const trace: Data = { type: 'bar', x, y: chartHeights(data), marker: { color: ACCENT }, hovertemplate: '%{x}: %{y}<extra></extra>' };
      return { traces: [width === undefined ? trace : { ...trace, offset: 0, width }], layout: { ...layout, bargap: 0.02 } };
    }
    case 'bar':
      return {
        traces: [{ type: 'bar', x, y: chartHeights(data), marker: { color: ACCENT }, hovertemplate: '%{x}: %{y}<extra></extra>' }],
        layout: { ...layout, xaxis: { ...layout.xaxis, type: 'category' } },
      };
    case 'scatter':
      return {
        traces: [
          {
            // SVG rather than WebGL: 2,000 points draw fast either way, and SVG works where WebGL is off.
            type: 'scatter',
            mode: 'markers',
            x,
            y: plainValues(data.y ?? []),
            marker: { color: ACCENT, size: 5, opacity: 0.6 },
            hovertemplate: '%{x}, %{y}<extra></extra>',
          },
        ],
        layout,
      };
    case 'heatmap': {
      const grid = heatmapGrid(data);
      return {
        traces: [{ type: 'heatmap', x: grid.x, y: grid.y, z: grid.z, colorscale: HEAT, hovertemplate: '%{x}, %{y}: %{z}<extra></extra>' }],
        layout,
      };
    }
    default:
      return assertNever(data.kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected chart kind: ${String(value)}`);
}
