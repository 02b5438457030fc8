import { useMemo, type JSX } from 'react';
import type { DistanceNames } from '../../blocks/form-types';
import type { BlockState, EngineClient } from '../../../worker/engine-api';
import { PlotlyChart } from '../chart/PlotlyChart';
import { freshResultKey } from '../preview-status';
import { useEngineAnswer } from '../use-engine-answer';
import { evaluationFigures, readRatingMetrics } from './evaluation-figures';
import { MetricList } from './MetricList';
import { CROSSTAB_CELLS, readCrosstab } from './model-pages';
import { crosstabFigure } from './training-figures';
import '../../styles/preview-training.css';

interface EvaluationProps {
  engine: EngineClient;
  blockId: string;
  state: BlockState;
  distances: DistanceNames;
}

/** The Evaluation tab of an evaluate block (rating mode): RMSE, MAE and the error distances, then the crosstab. */
export function CrosstabView({ engine, blockId, state, distances }: EvaluationProps): JSX.Element {
  const metricsKey = freshResultKey(blockId, 'metrics', state);
  const metrics = useEngineAnswer(metricsKey, `${blockId}\u0000metrics`, () =>
    engine.preview({ blockId, port: 'metrics', offset: 0, limit: 1 }).then((page) => readRatingMetrics(page.arrow)),
  );
  const key = freshResultKey(blockId, 'crosstab', state);
  const answer = useEngineAnswer(key, `${blockId}\u0000crosstab`, () =>
    engine.preview({ blockId, port: 'crosstab', offset: 0, limit: CROSSTAB_CELLS }).then((page) => readCrosstab(page.arrow)),
  );
  const cells = answer.value;
  const figure = useMemo(() => (cells ? crosstabFigure(cells) : undefined), [cells]);
  const error = metrics.error ?? answer.error;
  return (
    <div className="training-tab">
      <p className="training-caption" role="status">
        {metrics.loading || answer.loading ? 'Loading the evaluation…' : ''}
      </p>
      {metrics.value && <MetricList metrics={evaluationFigures(metrics.value, distances)} testId="evaluation-metrics" />}
      {error && (
        <p className="preview-error-inline" role="alert">
          {error.code}: {error.message}
        </p>
      )}
      {figure && (
        <div className="training-chart" data-testid="crosstab-heatmap">
          <PlotlyChart traces={figure.traces} layout={figure.layout} label="Observed against predicted ratings" />
        </div>
      )}
    </div>
  );
}
