import { useMemo, type JSX } from 'react';
import type { TrainingPoint } from '../../state/training-state';
import { PlotlyChart } from '../chart/PlotlyChart';
import { lossFigure } from './training-figures';

/** Loss per iteration (and RMSE on a second axis), live while training and from the report when done. */
export function LossChart({ points, maxIter }: { points: readonly TrainingPoint[]; maxIter: number | undefined }): JSX.Element {
  const figure = useMemo(() => lossFigure(points, maxIter), [points, maxIter]);
  return (
    <div className="training-chart" data-testid="loss-chart" data-points={points.length}>
      <PlotlyChart traces={figure.traces} layout={figure.layout} label={`Loss over ${points.length} iterations`} />
    </div>
  );
}
