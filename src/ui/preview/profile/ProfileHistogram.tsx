import type { JSX } from 'react';
import type { HistogramBin } from '../../../worker/engine-api';
import { histogramAxis, histogramPeak, scaleHistogram } from '../table/histogram-scale';
import { formatCount } from '../number-format';

const WIDTH = 260;
const HEIGHT = 72;
/** Room on the left for the count label. */
const LEFT = 44;
/** Room underneath for the range labels. */
const BOTTOM = 16;

/** A column's histogram in the profile: bars with the peak count on the y-axis and the range on the x-axis. */
export function ProfileHistogram({ column, bins }: { column: string; bins: readonly HistogramBin[] }): JSX.Element {
  const axis = histogramAxis(bins);
  if (!axis) return <p className="profile-muted">No values to chart.</p>;
  const bars = scaleHistogram(bins, WIDTH - LEFT, HEIGHT - BOTTOM, bins.length > 30 ? 0.5 : 1, 1);
  const plotHeight = HEIGHT - BOTTOM;
  return (
    <svg
      className="profile-hist"
      data-testid={`profile-histogram-${column}`}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Histogram of ${column}, from ${axis.start} to ${axis.end}`}
    >
      <text className="profile-hist__label" x={LEFT - 4} y={9} textAnchor="end">
        {formatCount(histogramPeak(bins))}
      </text>
      <text className="profile-hist__label" x={LEFT - 4} y={plotHeight} textAnchor="end">
        0
      </text>
      <line className="profile-hist__axis" x1={LEFT} x2={WIDTH} y1={plotHeight + 0.5} y2={plotHeight + 0.5} />
      <g transform={`translate(${LEFT} 0)`}>
        {bars.map((bar, i) => (
          <rect key={i} x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
            <title>{`${bar.label}: ${formatCount(bar.count)}`}</title>
          </rect>
        ))}
      </g>
      <text className="profile-hist__label" x={LEFT} y={HEIGHT - 3}>
        {clip(axis.start)}
      </text>
      <text className="profile-hist__label" x={WIDTH} y={HEIGHT - 3} textAnchor="end">
        {clip(axis.end)}
      </text>
    </svg>
  );
}

/** Category labels can be long; the axis has room for a short one. */
function clip(label: string): string {
  return label.length > 18 ? `${label.slice(0, 17)}…` : label;
}
