import { memo, type JSX } from 'react';
import type { HistogramBin } from '../../../worker/engine-api';
import { scaleHistogram } from './histogram-scale';
import { formatCount } from '../number-format';

const WIDTH = 96;
const HEIGHT = 18;

/**
 * The tiny distribution sketch in a column header. Each bar's tooltip names its range and count. Memoised: the
 * table re-renders on every change of a block's state, and a header's bins change only with its result's profile.
 */
export const MiniHistogram = memo(function MiniHistogram({ column, bins }: { column: string; bins: readonly HistogramBin[] | undefined }): JSX.Element {
  if (!bins || bins.length === 0) return <span className="preview-mini-hist preview-mini-hist--empty" aria-hidden="true" />;
  const bars = scaleHistogram(bins, WIDTH, HEIGHT, bins.length > 24 ? 0.5 : 1);
  return (
    <svg
      className="preview-mini-hist"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Distribution of ${column}`}
    >
      {bars.map((bar, i) => (
        <rect key={i} x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
          <title>{`${bar.label}: ${formatCount(bar.count)}`}</title>
        </rect>
      ))}
    </svg>
  );
});
