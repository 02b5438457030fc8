import type { HistogramBin } from '../../../worker/engine-api';
import { formatStat } from '../number-format';

/** One bar of a histogram, in the SVG's own units (y grows downwards). */
export interface HistogramBar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  /** What the bar covers, for its tooltip: "10 – 20" or a category. */
  label: string;
}

/** What a bin covers, as text. */
export function binLabel(bin: HistogramBin): string {
  if (typeof bin.lo === 'string') return bin.lo;
  return bin.hi === undefined ? formatStat(bin.lo) : `${formatStat(bin.lo)} – ${formatStat(bin.hi)}`;
}

/**
 * Lays bins out as bars filling `width` × `height`, heights proportional to counts. A non-empty bin keeps at least
 * `minHeight`, so a rare value next to a huge one still shows.
 */
export function scaleHistogram(bins: readonly HistogramBin[], width: number, height: number, gap = 1, minHeight = 1): HistogramBar[] {
  if (bins.length === 0 || width <= 0 || height <= 0) return [];
  const max = Math.max(...bins.map((b) => b.count));
  const slot = width / bins.length;
  const barWidth = Math.max(slot - gap, Math.min(slot, 1));
  return bins.map((bin, i) => {
    const raw = max > 0 ? (bin.count / max) * height : 0;
    const h = bin.count > 0 ? Math.max(raw, Math.min(minHeight, height)) : 0;
    return { x: i * slot, y: height - h, width: barWidth, height: h, count: bin.count, label: binLabel(bin) };
  });
}

/** The axis labels under a histogram: its lowest and highest edges, or its first and last categories. */
export function histogramAxis(bins: readonly HistogramBin[]): { start: string; end: string } | undefined {
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last) return undefined;
  if (typeof first.lo === 'string' || typeof last.lo === 'string') {
    return { start: String(first.lo), end: String(last.lo) };
  }
  return { start: formatStat(first.lo), end: formatStat(last.hi ?? last.lo) };
}

/** The tallest bin's count, for the y-axis label. */
export function histogramPeak(bins: readonly HistogramBin[]): number {
  return bins.reduce((max, b) => Math.max(max, b.count), 0);
}
